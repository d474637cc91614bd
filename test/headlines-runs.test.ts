// Headline runs: the offline engine inside a run, and a model through the real SDK against the
// fake endpoint: the prompt carries the brief and the channel's limit, the reply schema is
// sent, a reply with too few usable headlines goes back once, and code (not the model) counts
// lengths, drops near-duplicates and picks the A/B pair.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { HeadlinesDraft } from '../contracts/drafts'
import { testTargets } from './helpers/databases'
import { startFakeOpenAi, type FakeOpenAi } from './helpers/fake-openai'
import { headlinesBrief } from './helpers/fixtures'
import { makeHarness, makeModelHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

const GOOD = [
  { text: 'Fewer no-shows with SMS appointment reminders', angle: 'benefit' },
  { text: 'Patients keep forgetting their appointments?', angle: 'pain' },
  { text: '3 ways to cut no-shows at your dental clinic', angle: 'number' },
  { text: 'How dental clinics fill their empty chairs', angle: 'social_proof' },
  { text: 'Set up appointment reminders before Monday', angle: 'urgency' },
  { text: 'What does a missed visit really cost you?', angle: 'question' },
]

describe.each(targets)('headline runs on $name', (target) => {
  let fake: FakeOpenAi
  let model: Harness
  let offline: Harness
  beforeAll(async () => {
    fake = await startFakeOpenAi()
    model = await makeModelHarness(target, fake)
    offline = await makeHarness(target)
  })
  afterAll(async () => {
    await model?.close()
    await offline?.close()
    await fake?.close()
  })
  beforeEach(() => fake.reset())

  it('offline: 10 headlines within the search-ad limit, many angles, no near-duplicates, an A/B pair', async () => {
    const writer = await offline.as('writer')
    const { run } = await offline.runToGate(writer, headlinesBrief())
    expect(run.status).toBe('awaiting_review')
    expect(run.draft).toMatchObject({ kind: 'headlines', engine: 'offline', promptId: 'headlines' })
    const d = HeadlinesDraft.parse(run.draft.content)
    expect(d).toMatchObject({ channel: 'search_ad', maxLength: 56 })
    expect(d.headlines).toHaveLength(10)
    for (const h of d.headlines) {
      expect(h.length).toBe([...h.text].length)
      expect(h.length).toBeLessThanOrEqual(56)
    }
    expect(new Set(d.headlines.map((h) => h.angle)).size).toBeGreaterThanOrEqual(5)
    expect(d.distinct2).toBeGreaterThanOrEqual(0.8)
    expect(d.abPair).not.toBeNull()
    expect(d.headlines[d.abPair!.a]!.angle).not.toBe(d.headlines[d.abPair!.b]!.angle)
    expect(run.draft.text.split('\n')).toEqual(d.headlines.map((h) => h.text))
  })

  it('a model: prompt variables and schema sent; a reply with too few usable headlines is retried with the reasons', async () => {
    const tooLong = {
      headlines: [
        ...GOOD.slice(0, 2),
        ...Array.from({ length: 8 }, (_, i) => ({
          text: `An extremely long headline number ${i} that no search ad could ever show in full`,
          angle: 'curiosity',
        })),
      ],
    }
    const good = { headlines: [...GOOD, { text: 'Fewer no-shows with SMS appointment reminders!', angle: 'benefit' }] }
    fake.push({ content: tooLong }, { content: good })
    const writer = await model.as('writer')
    const { runId, run } = await model.runToGate(writer, headlinesBrief())
    expect(run.status).toBe('awaiting_review')
    const [first, second] = fake.requests.map((r) => r.body)
    expect(first.response_format.json_schema).toMatchObject({ name: 'HeadlinesReply', strict: true })
    const prompt = first.messages[1].content as string
    expect(prompt).toContain('each at most 56 characters')
    expect(prompt).toContain('"search_ad"')
    expect(prompt).toContain('dental CRM; appointment reminders')
    expect(prompt).toContain('Owners of private dental clinics')
    expect(prompt).toMatch(/Write 15 headlines/)
    expect(second.messages[3].content).toMatch(/headlines\.2\.text: \d+ characters, the limit for search_ad is 56/)

    const d = HeadlinesDraft.parse(run.draft.content)
    expect(d.headlines.map((h) => h.text)).toEqual(GOOD.map((h) => h.text))
    expect(d.dropped).toEqual([
      { text: 'Fewer no-shows with SMS appointment reminders!', angle: 'benefit', reason: 'near_duplicate', detail: GOOD[0]!.text },
    ])
    expect(d.abPair).toMatchObject({ a: 0, b: 1 })
    const [call] =
      await model.sql`select data from audit_log where run_id = ${runId} and action = 'llm.call' and data ->> 'purpose' = 'draft'`
    expect(call!.data).toMatchObject({ kind: 'headlines', attempts: 2, outcome: 'ok' })
  })
})
