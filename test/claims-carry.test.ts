import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Claim } from '../contracts/runs'
import { statementOf } from '../server/policy/claims'
import { testTargets } from './helpers/databases'
import { medicalOfferBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()
const SOURCE = 'CRM export of clinic Smile, 2026-10'

describe.each(targets)('claims worth checking, kept across versions, on $name', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
  })
  afterAll(async () => h?.close())

  const userId = async (email: string) => String((await h.sql`select id from users where email = ${email}`)[0]!.id)
  const claimsOf = (run: { claims: Claim[] }, version: number) => run.claims.filter((c) => c.draftVersion === version)

  it('an offer draft yields each statement once, no layout labels; verified claims carry over to the next version', async () => {
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer, medicalOfferBrief({ factCheckOwner: 'factcheck@copydesk.local' }))
    expect(h.openGate(run)?.gate).toBe('fact_check')
    const v1 = claimsOf(run, 1)
    // the draft repeats its pitch, timeframe and difference in three variants and in labelled fields
    expect(run.draft.text.match(/in 30 days/g).length).toBeGreaterThanOrEqual(6)
    expect(v1.length).toBeGreaterThanOrEqual(2)
    expect(v1.length).toBeLessThanOrEqual(7)
    expect(new Set(v1.map((c) => statementOf(c.text))).size).toBe(v1.length)
    for (const c of v1) expect(c.text).not.toMatch(/^(Variant \d|Timeframe|Method|Difference|Task|For whom|Proofs):/)
    expect(v1.filter((c) => c.text.includes('Smile'))).toHaveLength(1)
    for (const c of v1) expect(run.draft.text.slice(c.start!, c.end!)).toBe(c.text)

    const fc = await h.as('factcheck')
    expect((await fc.post('/api/claims/verify', { claimIds: v1.map((c) => c.id), source: SOURCE })).status).toBe(200)
    expect((await fc.post(`/api/gates/${h.openGate(run)!.id}/decision`, { decision: 'pass' })).status).toBe(200)
    await h.worker.drain()
    // the next gate sends the draft back; the redraft keeps the statements (the variants change order)
    const next = h.openGate((await writer.get(`/api/runs/${runId}`)).body)!
    const reviewer = await h.as(next.role)
    expect(
      (await reviewer.post(`/api/gates/${next.id}/decision`, { decision: 'request_changes', comment: 'Lead with the outcome' })).status,
    ).toBe(200)
    await h.worker.drain()

    const after = (await fc.get(`/api/runs/${runId}`)).body
    expect(after.draft.version).toBe(2)
    const checked = new Map(claimsOf(after, 1).map((c: Claim) => [statementOf(c.text), c]))
    const v2 = claimsOf(after, 2)
    expect(v2).toHaveLength(v1.length)
    for (const c of v2) {
      const from = checked.get(statementOf(c.text))!
      expect(c).toMatchObject({ status: 'verified', source: SOURCE, checkedBy: 'factcheck@copydesk.local', checkedAt: from.checkedAt })
      expect(c.carriedFrom).toEqual({ claimId: from.id, draftVersion: 1 })
    }
    const [carried] = await h.sql`select data from audit_log where run_id = ${runId} and action = 'claim.carried'`
    expect(carried!.data).toEqual({ count: v1.length, fromVersion: 1, toVersion: 2 })

    // checking a carried claim again replaces the carried check
    const first = v2[0]!
    const again = await fc.post(`/api/claims/${first.id}`, { status: 'verified', source: 'Signed case study, 2026' })
    expect(again.status).toBe(200)
    const redone = claimsOf((await fc.get(`/api/runs/${runId}`)).body, 2).find((c: Claim) => c.id === first.id)
    expect(redone).toMatchObject({ source: 'Signed case study, 2026', carriedFrom: null })
    // nothing left to verify: the fact check of version 2 passes at once
    const gate2 = h.openGate(after)!
    expect(gate2).toMatchObject({ gate: 'fact_check', draftVersion: 2 })
    expect((await fc.post(`/api/gates/${gate2.id}/decision`, { decision: 'pass' })).status).toBe(200)
  })

  it('the database lets a verified claim in only as the carry-over of the same check', async () => {
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer, medicalOfferBrief({ factCheckOwner: 'factcheck@copydesk.local' }))
    const [a, b] = claimsOf(run, 1)
    if (!a || !b) throw new Error('the draft should hold two claims at least')
    const fc = await h.as('factcheck')
    expect((await fc.post('/api/claims/verify', { claimIds: [a.id, b.id], source: SOURCE })).status).toBe(200)
    const checker = await userId('factcheck@copydesk.local')
    const legal = await userId('legal@copydesk.local')
    const insert = (o: { text: string; carried?: string | null; source?: string; by?: string }) =>
      h.sql`insert into claims (run_id, draft_version, position, text, kind, status, source, checked_by, carried_from)
        values (${runId}, 1, 99, ${o.text}, 'fact', 'verified', ${o.source ?? SOURCE}, ${o.by ?? checker}, ${o.carried ?? null})`

    await expect(insert({ text: a.text })).rejects.toThrow(/created pending/)
    await expect(insert({ text: b.text, carried: a.id })).rejects.toThrow(/carries over/) // another statement
    await expect(insert({ text: a.text, carried: a.id, source: 'made up' })).rejects.toThrow(/carries over/)
    await expect(insert({ text: a.text, carried: a.id, by: legal })).rejects.toThrow(/carries over/)
    await expect(insert({ text: a.text, carried: a.id })).rejects.toThrow(/carries over/) // same draft, not an earlier one
    await expect(h.sql`update claims set carried_from = ${a.id} where id = ${b.id}`).rejects.toThrow(/only when it is created/)
  })
})
