import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testTargets } from './helpers/databases'
import { medicalOfferBrief, offerBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

describe.each(targets)("the brief's risks beside the draft's, on $name", (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
  })
  afterAll(async () => h?.close())

  it('readers of the work get them with the sector reading; a reader of the approved result does not', async () => {
    const writer = await h.as('writer')
    const { runId } = await h.runToGate(writer, medicalOfferBrief({ factCheckOwner: 'factcheck@copydesk.local', advertised: 'other' }))
    // the fact-checker reviews this run (its fact_check gate): work access, not a role that sees all work
    for (const role of ['writer', 'factcheck', 'editor']) {
      const run = (await (await h.as(role)).get(`/api/runs/${runId}`)).body
      expect([role, run.briefRisks?.sectors.declared]).toEqual([role, 'other'])
      expect(run.briefRisks.sectors).toEqual({ declared: 'other', inferred: expect.any(Array), mismatch: expect.any(Boolean) })
      expect(run.briefRisks.categories.length).toBeGreaterThan(0)
      for (const r of run.briefRisks.risks)
        expect(r).toMatchObject({ rule: expect.any(String), category: expect.any(String), explain: expect.any(String) })
      // the guarantee is in the brief's differentiator: a risk of the brief, with what it matched
      expect(run.briefRisks.risks.some((r: { match: string }) => /guarant/i.test(r.match))).toBe(true)
    }

    // a safe run, approved: the fact-checker reviews nothing of it and reads only the result
    const safe = await h.runToGate(writer, offerBrief())
    expect(safe.run.gates.map((g: { gate: string }) => g.gate)).toEqual(['release'])
    const fc = await h.as('factcheck')
    expect((await fc.get(`/api/runs/${safe.runId}`)).status).toBe(403)
    expect((await (await h.as('editor')).post(`/api/gates/${safe.run.gates[0].id}/decision`, { decision: 'pass' })).status).toBe(200)
    await h.worker.drain()
    const outside = await fc.get(`/api/runs/${safe.runId}`)
    expect(outside.status).toBe(200)
    expect(outside.body.status).toBe('approved')
    expect(outside.body).not.toHaveProperty('briefRisks')
    expect((await writer.get(`/api/runs/${safe.runId}`)).body.briefRisks).toMatchObject({
      categories: expect.any(Array),
      sectors: { declared: null },
    })
  })
})
