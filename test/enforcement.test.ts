import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendAudit } from '../server/audit/append'
import { verifyAudit } from '../server/audit/verify'
import { hashPassword } from '../server/auth/password'
import { Worker } from '../server/runs/worker'
import { testTargets } from './helpers/databases'
import { medicalOfferBrief, offerBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

describe.each(targets)('gates cannot be skipped on $name', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
    // Someone who writes AND edits: roles never let an author pass their own work.
    const hash = await hashPassword('demo')
    await h.sql`insert into users (email, name, password_hash, roles) values
      ('writer-editor@copydesk.local', 'Writer and editor', ${hash}, ${['writer', 'editor']}),
      ('editor2@copydesk.local', 'Second editor', ${hash}, ${['editor']}),
      ('factcheck2@copydesk.local', 'Second fact-checker', ${hash}, ${['factcheck']})`
  })
  afterAll(async () => h?.close())

  it('authz matrix: who may decide a release gate and an assigned fact_check gate', async () => {
    const author = await h.client().login('writer-editor@copydesk.local')
    const { runId, run } = await h.runToGate(author, medicalOfferBrief({ factCheckOwner: 'factcheck@copydesk.local' }))
    const [factCheck, legalReview, release] = run.gates
    expect([factCheck.gate, legalReview.gate, release.gate]).toEqual(['fact_check', 'legal_review', 'release'])
    const expected: Record<string, number> = {
      'writer-editor@copydesk.local': 403, // the author, even with the editor role
      'writer@copydesk.local': 403,
      'legal@copydesk.local': 403,
      'editor@copydesk.local': 403, // not the assignee of fact_check
      'cmo@copydesk.local': 403,
      'admin@copydesk.local': 403, // admin is not a bypass
    }
    for (const [email, status] of Object.entries(expected)) {
      const c = await h.client().login(email)
      expect([email, (await c.post(`/api/gates/${factCheck.id}/decision`, { decision: 'pass' })).status]).toEqual([email, status])
    }
    // the claims checklist of that gate: the same people, the same answers
    const claim = run.claims[0].id
    const otherChecker = await h.client().login('factcheck2@copydesk.local')
    for (const [email, status] of [...Object.entries(expected), ['factcheck2@copydesk.local', 403]] as const) {
      const c = email === 'factcheck2@copydesk.local' ? otherChecker : await h.client().login(email)
      const r = await c.post(`/api/claims/${claim}`, { status: 'verified', source: 'https://example.com/case' })
      expect([email, r.status]).toEqual([email, status])
    }
    // release is pending until fact_check passes: even its rightful reviewer gets 409
    expect((await (await h.as('editor')).post(`/api/gates/${release.id}/decision`, { decision: 'pass' })).status).toBe(409)
    const fc = await h.as('factcheck')
    await h.verifyAllClaims(fc, runId)
    expect((await fc.post(`/api/gates/${factCheck.id}/decision`, { decision: 'pass' })).status).toBe(200)
    // a replayed decision, or a late claim change, finds the gate closed
    expect((await fc.post(`/api/gates/${factCheck.id}/decision`, { decision: 'pass' })).status).toBe(409)
    expect((await fc.post(`/api/claims/${claim}`, { status: 'rejected' })).status).toBe(409)
    await h.worker.drain()
    // legal review: only the legal role, never the author; nobody may waive it under the default policy
    for (const email of [
      'writer-editor@copydesk.local',
      'editor@copydesk.local',
      'factcheck@copydesk.local',
      'cmo@copydesk.local',
      'admin@copydesk.local',
    ]) {
      const c = await h.client().login(email)
      expect([email, (await c.post(`/api/gates/${legalReview.id}/decision`, { decision: 'pass' })).status]).toEqual([email, 403])
    }
    const waive = await (await h.as('cmo')).post(`/api/gates/${legalReview.id}/decision`, { decision: 'waive', comment: 'urgent' })
    expect(waive.status).toBe(403)
    expect(waive.body.message).toMatch(/does not allow waiving/)
    expect((await (await h.as('legal')).post(`/api/gates/${legalReview.id}/decision`, { decision: 'pass' })).status).toBe(200)
    await h.worker.drain()
    expect((await author.post(`/api/gates/${release.id}/decision`, { decision: 'pass' })).status).toBe(403)
    expect(
      (await (await h.client().login('editor2@copydesk.local')).post(`/api/gates/${release.id}/decision`, { decision: 'pass' })).status,
    ).toBe(200)
    await h.worker.drain()
    expect((await author.get(`/api/runs/${runId}`)).body.status).toBe('approved')
  })

  it('the database itself refuses approval without passed gates and decisions by the author', async () => {
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer)
    const gateId = run.gates[0].id
    const [author] = await h.sql`select id from users where email = 'writer@copydesk.local'`
    const [legal] = await h.sql`select id from users where email = 'legal@copydesk.local'`
    const [editor] = await h.sql`select id from users where email = 'editor@copydesk.local'`
    await expect(h.sql`update runs set status = 'approved' where id = ${runId}`).rejects.toThrow(/cannot be approved/)
    await expect(h.sql`update gates set status = 'passed', decided_by = ${author!.id} where id = ${gateId}`).rejects.toThrow(/author/)
    await expect(h.sql`update gates set status = 'passed', decided_by = ${legal!.id} where id = ${gateId}`).rejects.toThrow(
      /needs role editor/,
    )
    await expect(h.sql`update gates set status = 'passed' where id = ${gateId}`).rejects.toThrow(/without a decider/)
    // Even the rightful decider's update needs its decision on record in the same transaction
    await expect(h.sql`update gates set status = 'passed', decided_by = ${editor!.id} where id = ${gateId}`).rejects.toThrow(
      /without its gate_decisions row/,
    )
    await h.sql.begin(async (tx) => {
      await tx`update gates set status = 'passed', decided_by = ${editor!.id} where id = ${gateId}`
      await tx`insert into gate_decisions (gate_id, run_id, decided_by, decision) values (${gateId}, ${runId}, ${editor!.id}, 'pass')`
    })
    await h.sql`update runs set status = 'approved' where id = ${runId}`
    await expect(h.sql`update runs set status = 'running' where id = ${runId}`).rejects.toThrow(/already approved/)

    // A gate still waiting for an earlier one cannot be passed, even by its rightful reviewer
    const second = await h.runToGate(writer, medicalOfferBrief({ factCheckOwner: 'factcheck@copydesk.local' }))
    const pendingRelease = second.run.gates.find((g: { gate: string }) => g.gate === 'release')
    await expect(h.sql`update gates set status = 'passed', decided_by = ${editor!.id} where id = ${pendingRelease.id}`).rejects.toThrow(
      /pending, not open/,
    )
  })

  it('the audit log is append-only', async () => {
    await appendAudit(h.sql, { actorId: null, action: 'user.seed', data: { note: 'x' } })
    // the app's role may only insert; the owner, too, meets the append-only triggers
    await expect(h.sql`update audit_log set action = 'auth.login' where seq = 1`).rejects.toThrow(/permission denied/)
    await expect(h.sql`delete from audit_log where seq = 1`).rejects.toThrow(/permission denied/)
    await expect(h.sql`truncate audit_log`).rejects.toThrow(/permission denied/)
    await expect(h.asOwner((tx) => tx`update audit_log set action = 'auth.login' where seq = 1`)).rejects.toThrow(/append-only/)
    await expect(h.asOwner((tx) => tx`delete from audit_log where seq = 1`)).rejects.toThrow(/append-only/)
    await expect(h.asOwner((tx) => tx`truncate audit_log`)).rejects.toThrow(/append-only/)
  })

  it('concurrent writers still form one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        h.sql.begin(async (tx) => appendAudit(tx, { actorId: null, action: 'auth.login_failed', data: { i, text: 'Ünïcødé — ок' } })),
      ),
    )
    const result = await verifyAudit(h.sql)
    expect(result.ok).toBe(true)
    const [{ n, max }] = await h.sql<[{ n: number; max: number }]>`select count(*)::int as n, max(seq)::int as max from audit_log`
    expect(n).toBe(max)
  })

  it('two workers never draft the same run twice', async () => {
    const writer = await h.as('writer')
    const runIds: string[] = []
    for (let i = 0; i < 6; i++) {
      const b = await writer.post('/api/briefs', offerBrief({ title: `Parallel ${i}` }))
      runIds.push((await writer.post(`/api/briefs/${b.body.id}/runs`)).body.id)
    }
    const [a, b] = [new Worker(h.deps), new Worker(h.deps)]
    const [na, nb] = await Promise.all([a.drain(), b.drain()])
    expect(na + nb).toBe(6)
    const calls =
      await h.sql`select run_id, count(*)::int as n from audit_log where action = 'llm.call' and run_id in ${h.sql(runIds)} group by run_id`
    expect(calls.map((c) => c.n)).toEqual([1, 1, 1, 1, 1, 1])
    const statuses = await h.sql`select distinct status from runs where id in ${h.sql(runIds)}`
    expect(statuses.map((s) => s.status)).toEqual(['awaiting_review'])
  })

  it("audit verify finds a changed, a deleted and a reordered row (tampering as the tables' owner)", async () => {
    expect((await verifyAudit(h.sql)).ok).toBe(true)
    const swapRows = (a: number, b: number) =>
      h.asOwner(async (tx) => {
        await tx`alter table audit_log disable trigger user`
        await tx`update audit_log set seq = -1 where seq = ${a}`
        await tx`update audit_log set seq = ${a} where seq = ${b}`
        await tx`update audit_log set seq = ${b} where seq = -1`
        await tx`alter table audit_log enable trigger user`
      })
    const [{ total }] = await h.sql<[{ total: number }]>`select max(seq)::int as total from audit_log`
    const k = Math.floor(total / 2)

    // changed: one field of one row
    const [orig] = await h.sql`select data from audit_log where seq = ${k}`
    await h.asOwner(async (tx) => {
      await tx`alter table audit_log disable trigger user`
      await tx`update audit_log set data = data || '{"costUsd": 0}'::jsonb where seq = ${k}`
      await tx`alter table audit_log enable trigger user`
    })
    let r = await verifyAudit(h.sql)
    expect(r).toMatchObject({ ok: false, badSeq: k, reason: expect.stringMatching(/changed/) })
    await h.asOwner(async (tx) => {
      await tx`alter table audit_log disable trigger user`
      await tx`update audit_log set data = ${tx.json(orig!.data)} where seq = ${k}`
      await tx`alter table audit_log enable trigger user`
    })
    expect((await verifyAudit(h.sql)).ok).toBe(true)

    // reordered: two rows swap places
    await swapRows(k, k + 1)
    r = await verifyAudit(h.sql)
    expect(r).toMatchObject({ ok: false, badSeq: k })
    await swapRows(k, k + 1)
    expect((await verifyAudit(h.sql)).ok).toBe(true)

    // deleted
    await h.asOwner(async (tx) => {
      await tx`alter table audit_log disable trigger user`
      await tx`delete from audit_log where seq = ${k + 1}`
      await tx`alter table audit_log enable trigger user`
    })
    r = await verifyAudit(h.sql)
    expect(r).toMatchObject({ ok: false, badSeq: k + 2, reason: expect.stringMatching(/missing/) })
  })
})
