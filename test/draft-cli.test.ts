// `copydesk draft` as a user runs it: a child process, offline or pointed at an OpenAI-compatible
// endpoint by the environment (here the fake one, so the real SDK talks HTTP to it); the other
// cases run the same command in this process, with the same arguments and environment.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scanPii } from '../server/pii/scan'
import { runCliHere, spawnCli, type CliResult } from './helpers/child-server'
import { startFakeOpenAi, type FakeOpenAi } from './helpers/fake-openai'
import { loadInterviews } from './helpers/interviews'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-draft-cli-'))
const brief = (name: string, body: unknown) => {
  const file = path.join(dir, name)
  fs.writeFileSync(file, JSON.stringify(body))
  return file
}
const result = (r: CliResult) => ({ status: r.code, stdout: r.out, stderr: r.err })
/** A child process, as a user runs it: once with a model and once offline (it must also exit by itself). */
async function cli(env: Record<string, string>, ...args: string[]) {
  return result(await spawnCli(args, { env: { OPENAI_API_KEY: '', ...env } }))
}
/** The same command in this process (runCli, all the bin runs): the other cases, without the second of start-up each. */
async function here(env: Record<string, string>, ...args: string[]) {
  return result(await runCliHere(args, { env: { OPENAI_API_KEY: '', ...env } }))
}

describe('copydesk draft with a model (OPENAI_API_KEY set)', () => {
  let fake: FakeOpenAi
  beforeAll(async () => {
    fake = await startFakeOpenAi()
  })
  afterAll(async () => fake?.close())

  it('interview_summary: the model reads the numbered redacted transcript; its quotes are located by the CLI', async () => {
    const f = loadInterviews().find((x) => x.id === 'en-01')!
    const values = scanPii(f.transcript).map((x) => f.transcript.slice(x.start, x.end))
    expect(values.length).toBeGreaterThan(0)
    fake.reset()
    // First call: an empty but valid reply, to see what the model is sent.
    fake.push({ content: { insights: [], needs: [], objections: [], barriers: [], quotes: [] } })
    const env = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseURL, COPYDESK_MODEL: 'gpt-4.1-mini', COPYDESK_LLM_MAX_RETRIES: '0' }
    const file = brief('interview.json', { lang: 'en', transcript: f.transcript })
    const dry = await cli(env, 'draft', '--kind', 'interview_summary', '--brief', file, '--json')
    expect(dry.status, dry.stderr).toBe(0)
    const user = fake.requests[0].body.messages[1].content as string
    for (const v of values) expect([v, user.includes(v)]).toEqual([v, false])
    expect(fake.requests[0].body.response_format.json_schema.name).toBe('InterviewSummary')

    // Second call: the "model" quotes the first sentence of the second numbered turn it was sent.
    const [, turn, words] = /^\[(\d+)\] [^:\n]+: ([^\n.?!]+[.?!])/m.exec(user.slice(user.indexOf('[1] ')))!
    fake.reset()
    fake.push({
      content: {
        insights: [{ text: 'What they said first', quotes: [{ turn: Number(turn), text: words }] }],
        needs: [],
        objections: [],
        barriers: [],
        quotes: [{ turn: Number(turn), text: words }],
      },
    })
    const r = await here(env, 'draft', '--kind', 'interview_summary', '--brief', file, '--json')
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out).toMatchObject({ engine: 'openai', model: 'gpt-4.1-mini' })
    expect(out.quotes).toHaveLength(1)
    expect(out.transcript.slice(out.quotes[0].start, out.quotes[0].end)).toBe(words!.trim())
    expect(out.insights[0].quotes[0]).toEqual(out.quotes[0])
    for (const v of values) expect([v, r.stdout.includes(v)]).toEqual([v, false])
  })

  it('a model that keeps answering wrong is a clear error and exit 1', async () => {
    fake.reset()
    fake.setFallback({ content: { offers: 'none' } })
    const file = brief('offer.json', { audience: 'owners of online shops', task: 'cut returns', offer: 'a virtual fitting service' })
    const r = await here(
      { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseURL, COPYDESK_LLM_MAX_RETRIES: '0' },
      'draft',
      '--kind',
      'offer',
      '--brief',
      file,
    )
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/the openai engine failed \(invalid_output\).*after one retry/)
    expect(fake.requests).toHaveLength(2)
  })
})

describe('copydesk draft offline', () => {
  it('interview_summary with "transcripts": a synthesis with the objection map and each redacted transcript', async () => {
    const set = loadInterviews()
      .filter((f) => f.lang === 'ru')
      .slice(0, 4)
    const file = brief('set.json', { transcripts: set.map((f) => ({ id: f.id, segment: f.segment, text: f.transcript })) })
    const r = await cli({}, 'draft', '--kind', 'interview_summary', '--brief', file, '--json')
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.engine).toBe('offline')
    expect(out.transcripts.map((t: { id: string }) => t.id)).toEqual(set.map((f) => f.id))
    expect(out.objectionMap.length).toBeGreaterThan(0)
    const byId = new Map<string, string>(out.transcripts.map((t: { id: string; text: string }) => [t.id, t.text]))
    for (const q of out.quotes) expect(byId.get(q.interview)!.slice(q.start, q.end)).toBe(q.text)
    for (const f of set) for (const x of scanPii(f.transcript)) expect(r.stdout).not.toContain(f.transcript.slice(x.start, x.end))
  })

  it('headlines: the contract shape, within the channel limit from the policy, no personal data', async () => {
    const file = brief('headlines.json', {
      lang: 'ru',
      audience: 'владельцы интернет-магазинов одежды',
      task: 'сократить возвраты',
      channel: 'social_ad',
      offer: 'виртуальная примерочная для сайта, подключение за 2 недели; менеджер Иванов Пётр, +7 916 123-45-67',
      inputs: { count: 8 },
    })
    const r = await here({}, 'draft', '--kind', 'headlines', '--brief', file, '--json')
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out).toMatchObject({ engine: 'offline', channel: 'social_ad', maxLength: 40 })
    expect(out.headlines).toHaveLength(8)
    for (const h of out.headlines) {
      expect(Object.keys(h).sort()).toEqual(['angle', 'length', 'text'])
      expect(h.length).toBe([...h.text].length)
      expect(h.length).toBeLessThanOrEqual(40)
    }
    expect(out.distinct2).toBeGreaterThan(0.7)
    expect(r.stdout).not.toMatch(/Иванов|916 123/)
    const bad = await here({}, 'draft', '--kind', 'headlines', '--brief', brief('h-bad.json', { inputs: { count: 99 } }))
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/inputs\.count/)
  })

  it('a transcript too short to summarise is a clear error', async () => {
    const r = await here({}, 'draft', '--kind', 'interview_summary', '--brief', brief('short.json', { transcript: 'Q: Hi? A: Hi.' }))
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/at least 50 characters/)
  })
})
