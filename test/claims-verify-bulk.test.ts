import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../server/auth/password'
import { testTargets } from './helpers/databases'
import { medicalOfferBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()
const SOURCE = 'Clinic Smile, signed case study 2026'

describe.each(targets)('one source for several claims on $name', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
    await h.sql`insert into users (email, name, password_hash, roles)
      values ('factcheck2@copydesk.local', 'Second fact-checker', ${await hashPassword('demo')}, ${['factcheck']})`
  })
  afterAll(async () => h?.close())

  const statuses = async (ids: string[]) =>
    (await h.sql`select status, source from claims where id = any(${ids}::uuid[]) order by id`).map((r) => `${r.status}:${r.source}`)
  const bulkRows = async (runId: string) =>
    h.sql`select actor_id, data from audit_log where run_id = ${runId} and action = 'claims.verified'`

  it('only the fact-check owner, while the gate is open, all or none, one audit row', async () => {
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer, medicalOfferBrief({ factCheckOwner: 'factcheck@copydesk.local' }))
    const ids: string[] = run.claims.map((c: { id: string }) => c.id)
    expect(ids.length).toBeGreaterThanOrEqual(2)
    const body = { claimIds: ids, source: SOURCE }

    // who may not: the author, another role, a fact-checker the gate is not assigned to
    for (const email of ['writer@copydesk.local', 'legal@copydesk.local', 'editor@copydesk.local', 'factcheck2@copydesk.local']) {
      const c = await h.client().login(email)
      expect([email, (await c.post('/api/claims/verify', body)).status]).toEqual([email, 403])
    }
    const fc = await h.as('factcheck')
    // not a request: no claims, too many, the same claim twice, no real source
    for (const bad of [
      { claimIds: [], source: SOURCE },
      { claimIds: Array.from({ length: 201 }, () => randomUUID()), source: SOURCE },
      { claimIds: [ids[0], ids[0]], source: SOURCE },
      { claimIds: ids, source: 'ok' },
      { claimIds: ['nope'], source: SOURCE },
    ]) {
      expect((await fc.post('/api/claims/verify', bad)).status).toBe(400)
    }
    // all or none: one unknown claim, or a claim of another draft, and nothing is verified
    expect(
      (await fc.post('/api/claims/verify', { claimIds: [...ids, '00000000-0000-4000-8000-000000000000'], source: SOURCE })).status,
    ).toBe(404)
    const other = await h.runToGate(writer, medicalOfferBrief({ factCheckOwner: 'factcheck@copydesk.local' }))
    const mixed = await fc.post('/api/claims/verify', { claimIds: [...ids, other.run.claims[0].id], source: SOURCE })
    expect(mixed.status).toBe(400)
    expect(await statuses([...ids, other.run.claims[0].id])).toEqual(Array(ids.length + 1).fill('pending:null'))
    expect(await bulkRows(runId)).toHaveLength(0)

    const ok = await fc.post('/api/claims/verify', body)
    expect(ok.status).toBe(200)
    expect(ok.body).toEqual({ runId, verified: ids.length })
    expect(await statuses(ids)).toEqual(Array(ids.length).fill(`verified:${SOURCE}`))
    const rows = await bulkRows(runId)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.data).toMatchObject({ count: ids.length, status: 'verified', draftVersion: 1 })
    expect([...rows[0]!.data.claimIds].sort()).toEqual([...ids].sort())
    expect(await h.sql`select 1 from audit_log where run_id = ${runId} and action = 'claim.checked'`).toHaveLength(0)

    // once the fact check is decided the claims are history
    expect((await fc.post(`/api/gates/${h.openGate(run)!.id}/decision`, { decision: 'pass' })).status).toBe(200)
    expect((await fc.post('/api/claims/verify', body)).status).toBe(409)
  })
})
