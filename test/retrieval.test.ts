// Approved results as examples for the model: the same kind, channel and language only, as many
// as the policy says, each use named in the audit row of the call.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { testTargets } from './helpers/databases'
import { startFakeOpenAi, type FakeOpenAi } from './helpers/fake-openai'
import { offerBrief } from './helpers/fixtures'
import { makeModelHarness, type Harness } from './helpers/harness'
import { policyVariant } from './helpers/policy-copy'

const targets = await testTargets()
const offer = (oneLiner: string) => ({
  variants: [{ forWhom: 'Yoga studio owners', task: 'Full evening classes', timeframe: 'this month', method: 'Online booking', difference: 'Set up in an afternoon', oneLiner, pitch: 'Online booking for your evening classes.' }],
  proofs: [],
  missing: [],
})

describe.each(targets)('approved results as drafting examples on $name', (target) => {
  let fake: FakeOpenAi
  let h: Harness
  beforeAll(async () => {
    fake = await startFakeOpenAi()
    h = await makeModelHarness(target, fake)
  })
  afterAll(async () => {
    await h?.close()
    await fake?.close()
  })
  beforeEach(() => fake.reset())

  it('the model sees approved texts of the same kind, channel and language, and the audit row names them', async () => {
    const writer = await h.as('writer')
    const editor = await h.as('editor')
    fake.setFallback({ content: offer('Evening classes, booked in one tap') })
    const first = await h.runToGate(writer)
    expect(fake.requests[0].body.messages[1].content).not.toMatch(/Earlier approved texts/) // nothing approved yet
    const gate = h.openGate(first.run)!
    expect((await editor.post(`/api/gates/${gate.id}/decision`, { decision: 'pass' })).status).toBe(200)
    await h.worker.drain()
    expect((await writer.get(`/api/runs/${first.runId}`)).body.status).toBe('approved')

    fake.reset()
    fake.setFallback({ content: offer('A second offer') })
    const second = await h.runToGate(writer)
    const prompt = fake.requests[0].body.messages[1].content as string
    expect(prompt).toMatch(/Earlier approved texts of the same kind and channel/)
    expect(prompt).toContain('Evening classes, booked in one tap')
    const [call] = await h.sql`select data from audit_log where run_id = ${second.runId} and action = 'llm.call'`
    expect(call!.data.examples).toEqual([first.runId])

    // another channel, or another language, has no examples yet
    fake.reset()
    fake.setFallback({ content: offer('A third offer') })
    await h.runToGate(writer, offerBrief({ channel: 'email' }))
    expect(fake.requests[0].body.messages[1].content).not.toContain('Evening classes, booked in one tap')
  })

  it('the policy can turn examples off', async () => {
    const off = policyVariant((y) => y.replace('  examples: 2', '  examples: 0'))
    const t = await makeModelHarness(target, fake, { policiesDir: off.dir })
    try {
      const writer = await t.as('writer')
      fake.setFallback({ content: offer('Evening classes, booked in one tap') })
      const first = await t.runToGate(writer)
      await (await t.as('editor')).post(`/api/gates/${t.openGate(first.run)!.id}/decision`, { decision: 'pass' })
      await t.worker.drain()
      fake.reset()
      fake.setFallback({ content: offer('Another') })
      const second = await t.runToGate(writer)
      expect(fake.requests[0].body.messages[1].content).not.toMatch(/Earlier approved texts/)
      const [call] = await t.sql`select data from audit_log where run_id = ${second.runId} and action = 'llm.call'`
      expect(call!.data.examples).toBeUndefined()
    } finally {
      await t.close()
      off.dispose()
    }
  })
})
