// Interview summaries as runs, through the real openai SDK against the fake endpoint: the
// transcript is redacted before the model reads it, quotes come back as {turn, text} and are
// located by the server, a paraphrased quote is sent back once, and a set of interviews is one
// call per transcript plus the synthesis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InterviewDraft } from '../contracts/drafts'
import { verifyAudit } from '../server/audit/verify'
import { testTargets } from './helpers/databases'
import { interviewBrief } from './helpers/fixtures'
import { makeHarness, modelHarnessPerSuite, type Harness } from './helpers/harness'
import { loadInterviews } from './helpers/interviews'

const targets = await testTargets()

const TRANSCRIPT = [
  'Интервьюер: Представьтесь, пожалуйста.',
  'Клиент: Меня зовут Кузнецова Марина Игоревна, я управляю студией йоги.',
  'Интервьюер: Что мешает перейти на платный тариф?',
  'Клиент: Дорого выходит: платим за каждого тренера. Звоните мне на +7 (916) 208-55-41, паспорт для договора 4510 123456.',
  'Интервьюер: Что ещё смущает?',
  'Клиент: Боюсь, что записи клиентов потеряются при переносе из старой таблицы.',
].join('\n')
const VALUES = ['Кузнецов', 'Марин', '208-55-41', '4510 123456']

const q = (turn: number, text: string) => ({ turn, text })
const REPLY = {
  insights: [{ text: 'Цена за тренера тормозит переход', quotes: [q(3, 'Дорого выходит: платим за каждого тренера.')] }],
  needs: [{ label: 'Сохранить историю записей', quotes: [q(5, 'записи клиентов потеряются при переносе из старой таблицы')] }],
  objections: [{ topic: 'price', label: 'Цена за тренера', quotes: [q(3, 'Дорого выходит: платим за каждого тренера.')] }],
  barriers: [
    {
      topic: 'migration_risk',
      label: 'Страх потерять данные',
      quotes: [q(5, 'Боюсь, что записи клиентов потеряются при переносе из старой таблицы.')],
    },
  ],
  quotes: [q(1, 'я управляю студией йоги.'), q(3, 'Дорого выходит: платим за каждого тренера.')],
}

describe.each(targets)('interview summaries as runs on $name', (target) => {
  const s = modelHarnessPerSuite(target)

  it('a paraphrased quote goes back once with the error; the accepted draft quotes the redacted transcript verbatim', async () => {
    const paraphrased = { ...REPLY, quotes: [q(3, 'Слишком дорого, платим за тренеров')] }
    s.fake.push(
      { content: paraphrased, usage: { prompt_tokens: 1500, completion_tokens: 300 } },
      { content: REPLY, usage: { prompt_tokens: 1800, completion_tokens: 320 } },
    )
    const writer = await s.h.as('writer')
    const { runId, run } = await s.h.runToGate(writer, interviewBrief({ transcript: TRANSCRIPT }))
    expect(run.status).toBe('awaiting_review')
    expect(run.draft).toMatchObject({ kind: 'interview_summary', engine: 'openai', promptId: 'interview-summary' })

    // what the model read: the numbered, redacted transcript; the strict schema; then the validation error
    expect(s.fake.requests).toHaveLength(2)
    const first = s.fake.requests[0].body
    expect(first.response_format.json_schema).toMatchObject({ name: 'InterviewSummary', strict: true })
    expect(first.messages[1].content).toContain('[3] Клиент: Дорого выходит: платим за каждого тренера.')
    expect(first.messages[1].content).toContain('migration_risk')
    expect(first.messages[1].content).not.toMatch(/\{\{\w+\}\}/)
    expect(s.fake.requests[1].body.messages[3].content).toMatch(/quotes\.0\.text: not a verbatim part of turn 3/)
    const sent = JSON.stringify(s.fake.requests.map((r) => r.body))
    for (const v of VALUES) expect([v, sent.includes(v)]).toEqual([v, false])
    expect(sent).toContain('[PERSON_1]')
    expect(sent).toContain('[PASSPORT_RU_1]')

    const d = InterviewDraft.parse(run.draft.content)
    const transcript = d.interviews[0]!.transcript
    expect(transcript).toContain('[PHONE_1]')
    const quotes = [...d.quotes, ...d.insights, ...d.needs, ...d.objections, ...d.barriers].flatMap((x) => ('quotes' in x ? x.quotes : [x]))
    expect(quotes.length).toBe(6)
    for (const quote of quotes) {
      expect(transcript.slice(quote.start, quote.end)).toBe(quote.text)
      expect(quote).toMatchObject({ speaker: 'Клиент', role: 'customer' })
    }
    expect(d.objections[0]).toMatchObject({ key: 'price', label: 'Цена за тренера' })
    expect(d.interviews[0]!.speakers).toEqual([
      { label: 'Интервьюер', role: 'interviewer' },
      { label: 'Клиент', role: 'customer' },
    ])

    const [stored] = await s.h.sql`select content::text as content, text from drafts where run_id = ${runId}`
    const log = (await s.h.sql`select data::text as data from audit_log where run_id = ${runId}`).map((r) => r.data).join('\n')
    for (const v of VALUES) expect([v, stored!.content.includes(v) || stored!.text.includes(v) || log.includes(v)]).toEqual([v, false])
    const [call] = await s.h
      .sql`select data from audit_log where run_id = ${runId} and action = 'llm.call' and data ->> 'purpose' = 'draft'`
    expect(call!.data).toMatchObject({ kind: 'interview_summary', outcome: 'ok', attempts: 2, tokensIn: 3300, tokensOut: 620 })
  })

  it('a reply still not verbatim after the retry fails the run, naming the quote', async () => {
    s.fake.setFallback({ content: { ...REPLY, needs: [{ label: 'x', quotes: [q(5, 'данные потеряются')] }] } })
    const writer = await s.h.as('writer')
    const { run } = await s.h.runToGate(writer, interviewBrief({ transcript: TRANSCRIPT }))
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/needs\.0\.quotes\.0\.text: not a verbatim part of turn 5/)
  })

  it('a set of interviews: one call per transcript, each audited with its id, then the objection map', async () => {
    const set = loadInterviews()
      .filter((f) => f.lang === 'ru')
      .slice(0, 3)
    // every call gets a valid, minimal reply: what is tested is the fan-out and the audit
    s.fake.setFallback({ content: { insights: [], needs: [], objections: [], barriers: [], quotes: [] } })
    const writer = await s.h.as('writer')
    const { runId, run } = await s.h.runToGate(
      writer,
      interviewBrief({ transcripts: set.map((f) => ({ id: f.id, segment: f.segment, text: f.transcript })) }),
    )
    expect(run.status).toBe('awaiting_review')
    expect(s.fake.requests).toHaveLength(3)
    const calls = await s.h.sql`select data from audit_log where run_id = ${runId} and action = 'llm.call' order by seq`
    expect(calls.map((c) => c.data.part)).toEqual(set.map((f) => f.id))
    const d = InterviewDraft.parse(run.draft.content)
    expect(d.interviews.map((i) => [i.id, i.segment])).toEqual(set.map((f) => [f.id, f.segment]))
    expect((await verifyAudit(s.h.sql)).ok).toBe(true)
  })
})

describe.each(targets)('interview summaries on the offline engine on $name', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
  })
  afterAll(async () => h?.close())

  it('a quarter of interviews becomes a synthesis with an objection map, every example quote verbatim', async () => {
    const set = loadInterviews().filter((f) => f.lang === 'en')
    const writer = await h.as('writer')
    const { run } = await h.runToGate(
      writer,
      interviewBrief({ transcripts: set.map((f) => ({ id: f.id, segment: f.segment, text: f.transcript })) }, { lang: 'en' }),
    )
    expect(run.status).toBe('awaiting_review')
    expect(run.draft).toMatchObject({ engine: 'offline', kind: 'interview_summary' })
    const d = InterviewDraft.parse(run.draft.content)
    expect(d.interviews).toHaveLength(set.length)
    expect(d.objectionMap.filter((r) => r.interviews >= 2).length).toBeGreaterThanOrEqual(3)
    for (const row of d.objectionMap) {
      const src = d.interviews.find((i) => i.id === row.example.interview)!
      expect(src.transcript.slice(row.example.start, row.example.end)).toBe(row.example.text)
    }
    expect(run.draft.text).toMatch(/Objection map/)
    // Internal research: customers talking about "finance" or "two years" are not ad claims to gate.
    expect(run.draft.text).toMatch(/finance|\d/)
    expect(run.draft.categories).toEqual([])
    expect(run.draft.missing).toEqual([])
    // The transcripts held (fake) personal data, and this policy sends such briefs to legal review
    // (consent is a legal question; with no claims there is nothing to fact-check).
    expect(run.gates.map((g: { gate: string }) => g.gate)).toEqual(['legal_review', 'release'])
    expect(run.claims).toEqual([])
  })
})
