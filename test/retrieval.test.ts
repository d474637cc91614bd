// Approved results as examples for the model: the same kind, channel and language only, as many
// as the policy says, each use named in the audit row of the call.
import { describe, expect, it } from 'vitest'
import { testTargets } from './helpers/databases'
import { modelOfferReply, offerBrief } from './helpers/fixtures'
import { makeModelHarness, modelHarnessPerSuite } from './helpers/harness'
import { policyVariant } from './helpers/policy-copy'

const targets = await testTargets()

describe.each(targets)('approved results as drafting examples on $name', (target) => {
  const s = modelHarnessPerSuite(target)

  it('the model sees approved texts of the same kind, channel and language, and the audit row names them', async () => {
    const writer = await s.h.as('writer')
    const editor = await s.h.as('editor')
    s.fake.setFallback({ content: modelOfferReply({ oneLiner: 'Evening classes, booked in one tap' }) })
    const first = await s.h.runToGate(writer)
    expect(s.fake.requests[0].body.messages[1].content).not.toMatch(/Earlier approved texts/) // nothing approved yet
    const gate = s.h.openGate(first.run)!
    expect((await editor.post(`/api/gates/${gate.id}/decision`, { decision: 'pass' })).status).toBe(200)
    await s.h.worker.drain()
    expect((await writer.get(`/api/runs/${first.runId}`)).body.status).toBe('approved')

    s.fake.reset()
    s.fake.setFallback({ content: modelOfferReply({ oneLiner: 'A second offer' }) })
    const second = await s.h.runToGate(writer)
    const prompt = s.fake.requests[0].body.messages[1].content as string
    expect(prompt).toMatch(/Earlier approved texts of the same kind and channel/)
    expect(prompt).toContain('Evening classes, booked in one tap')
    const [call] = await s.h
      .sql`select data from audit_log where run_id = ${second.runId} and action = 'llm.call' and data ->> 'purpose' = 'draft'`
    expect(call!.data.examples).toEqual([first.runId])

    // another channel, or another language, has no examples yet
    s.fake.reset()
    s.fake.setFallback({ content: modelOfferReply({ oneLiner: 'A third offer' }) })
    await s.h.runToGate(writer, offerBrief({ channel: 'email' }))
    expect(s.fake.requests[0].body.messages[1].content).not.toContain('Evening classes, booked in one tap')
  })

  it('the policy can turn examples off', async () => {
    const off = policyVariant((y) => y.replace('  examples: 2', '  examples: 0'))
    const t = await makeModelHarness(target, s.fake, { policiesDir: off.dir })
    try {
      const writer = await t.as('writer')
      s.fake.setFallback({ content: modelOfferReply({ oneLiner: 'Evening classes, booked in one tap' }) })
      const first = await t.runToGate(writer)
      await (await t.as('editor')).post(`/api/gates/${t.openGate(first.run)!.id}/decision`, { decision: 'pass' })
      await t.worker.drain()
      s.fake.reset()
      s.fake.setFallback({ content: modelOfferReply({ oneLiner: 'Another' }) })
      const second = await t.runToGate(writer)
      expect(s.fake.requests[0].body.messages[1].content).not.toMatch(/Earlier approved texts/)
      const [call] =
        await t.sql`select data from audit_log where run_id = ${second.runId} and action = 'llm.call' and data ->> 'purpose' = 'draft'`
      expect(call!.data.examples).toBeUndefined()
    } finally {
      await t.close()
      off.dispose()
    }
  })
})
