// Issue 14, item 1: every rule the API enforces, tried again with raw SQL on the app's own
// connection (h.sql runs as copydesk_app, exactly as the server does). The database must refuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/auth/password'
import { testTargets } from '../helpers/databases'
import { medicalOfferBrief } from '../helpers/fixtures'
import { makeHarness, type Harness } from '../helpers/harness'

const targets = await testTargets()

describe.each(targets)('the database is the last line on $name', (target) => {
  let h: Harness
  const id: Record<string, string> = {}
  beforeAll(async () => {
    h = await makeHarness(target)
    const hash = await hashPassword('demo')
    await h.sql`insert into users (email, name, password_hash, roles) values ('writer2@copydesk.local', 'Second writer', ${hash}, ${['writer']})`
    for (const u of await h.sql`select id, email from users`) id[String(u.email).split('@')[0]!] = String(u.id)
  })
  afterAll(async () => h?.close())

  /** A medical offer at its first gate: fact_check (assigned), legal_review, release — none waivable. */
  async function gatedRun() {
    const { runId, run } = await h.runToGate(await h.as('writer'), medicalOfferBrief({ factCheckOwner: 'factcheck@copydesk.local' }))
    const gate = (name: string) => run.gates.find((g: { gate: string }) => g.gate === name) as { id: string }
    return { runId, factCheck: gate('fact_check').id, legal: gate('legal_review').id, release: gate('release').id }
  }
  /** A decision as the app writes it: the gate and its gate_decisions row in one transaction. */
  const decide = (gateId: string, runId: string, who: string, status = 'passed', decision = 'pass') =>
    h.sql.begin(async (tx) => {
      await tx`update gates set status = ${status}, decided_by = ${who} where id = ${gateId}`
      await tx`insert into gate_decisions (gate_id, run_id, decided_by, decision) values (${gateId}, ${runId}, ${who}, ${decision})`
    })

  it('runs as a role that owns nothing and cannot switch the guards off', async () => {
    const [me] =
      await h.sql`select current_user as name, (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owned`
    expect(me).toMatchObject({ owned: 0 })
    await expect(h.sql`set session_replication_role = replica`).rejects.toThrow(/permission denied/)
    await expect(h.sql`alter table gates disable trigger gates_guard`).rejects.toThrow(/must be owner/)
    await expect(h.sql`drop trigger gates_guard on gates`).rejects.toThrow(/must be owner/)
    await expect(h.sql`truncate audit_log`).rejects.toThrow(/permission denied|append-only/)
    await expect(h.sql`delete from gate_decisions`).rejects.toThrow(/permission denied|append-only/)
    // rollups and the search index are the triggers' to write
    await expect(
      h.sql`insert into ai_usage_daily (day, user_id, engine, model) values (now(), ${id.writer!}, 'openai', 'x')`,
    ).rejects.toThrow(/permission denied/)
    await expect(h.sql`update kb_search set status = 'approved'`).rejects.toThrow(/permission denied/)
    await expect(h.sql`select kb_search_refresh(gen_random_uuid())`).rejects.toThrow(/permission denied/)
    // every guard fires also in replica mode, for whoever manages to set it (the owner)
    const [{ n }] = (await h.sql`select count(*)::int as n from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal and c.relname in ('gates', 'gate_decisions', 'runs', 'drafts', 'claims', 'audit_log') and t.tgenabled <> 'A'`) as unknown as [
      { n: number },
    ]
    expect(n).toBe(0)
  })

  it("a gate's rule cannot be rewritten together with its decision", async () => {
    const r = await gatedRun()
    // a second writer makes the release gate theirs and passes it
    await expect(h.sql`update gates set role = 'writer', status = 'open' where id = ${r.release}`).rejects.toThrow(
      /fixed when it is planned/,
    )
    // the assigned fact check handed to someone else
    await expect(h.sql`update gates set assignee_id = ${id.editor!} where id = ${r.factCheck}`).rejects.toThrow(/fixed when it is planned/)
    await expect(h.sql`update gates set assignee_id = null where id = ${r.factCheck}`).rejects.toThrow(/fixed when it is planned/)
    // a waiver no policy allows
    await expect(
      h.sql.begin(async (tx) => {
        await tx`update gates set waivable_by = ${['writer']}, status = 'waived', decided_by = ${id.writer2!} where id = ${r.factCheck}`
        await tx`insert into gate_decisions (gate_id, run_id, decided_by, decision) values (${r.factCheck}, ${r.runId}, ${id.writer2!}, 'waive')`
      }),
    ).rejects.toThrow(/fixed when it is planned/)
    await expect(decide(r.factCheck, r.runId, id.cmo!, 'waived', 'waive')).rejects.toThrow(/cannot be waived/)
    for (const col of ['position', 'draft_version', 'sla_business_days']) {
      await expect(h.sql.unsafe(`update gates set ${col} = ${col} + 1 where id = $1`, [r.release])).rejects.toThrow(
        /fixed when it is planned/,
      )
    }
    await expect(h.sql`update gates set gate = 'brand_review' where id = ${r.legal}`).rejects.toThrow(/fixed when it is planned/)
  })

  it('gates are never deleted, and new ones are created pending before review starts', async () => {
    const r = await gatedRun()
    await expect(h.sql`delete from gates where id = ${r.legal}`).rejects.toThrow(/permission denied|cannot be deleted/)
    await expect(h.sql`insert into gates (run_id, draft_version, position, gate, role, status, decided_by, decided_at, sla_business_days)
      values (${r.runId}, 1, 9, 'brand_review', 'editor', 'passed', ${id.writer!}, now(), 1)`).rejects.toThrow(/created pending/)
    await expect(h.sql`insert into gates (run_id, draft_version, position, gate, role, sla_business_days)
      values (${r.runId}, 1, 9, 'brand_review', 'editor', 1)`).rejects.toThrow(/review of draft 1 .* has started/)
    // the author, holding every gate of a made-up draft 2, still cannot pass one
    await expect(h.sql`insert into gates (run_id, draft_version, position, gate, role, sla_business_days)
      values (${r.runId}, 2, 0, 'release', 'writer', 1)`).rejects.toThrow(/has no draft 2/)
  })

  it('a gate moves only forward, and only with its decision on record', async () => {
    const r = await gatedRun()
    await expect(h.sql`update gates set status = 'open' where id = ${r.release}`).resolves.toBeDefined() // the worker's step
    await expect(h.sql`update gates set status = 'pending' where id = ${r.release}`).rejects.toThrow(/cannot go from open to pending/)
    // a pass without its gate_decisions row fails at commit; a decision row without a decided gate too
    await expect(h.sql`update gates set status = 'passed', decided_by = ${id.editor!} where id = ${r.release}`).rejects.toThrow(
      /without its gate_decisions row/,
    )
    await expect(
      h.sql`insert into gate_decisions (gate_id, run_id, decided_by, decision) values (${r.release}, ${r.runId}, ${id.editor!}, 'pass')`,
    ).rejects.toThrow(/was not decided so/)
    // a row that says "reject" for a gate set to passed
    await expect(
      h.sql.begin(async (tx) => {
        await tx`update gates set status = 'passed', decided_by = ${id.editor!} where id = ${r.release}`
        await tx`insert into gate_decisions (gate_id, run_id, decided_by, decision) values (${r.release}, ${r.runId}, ${id.editor!}, 'reject')`
      }),
    ).rejects.toThrow(/gate_decisions row|not decided so/)
    // the rightful way works, back-dating is ignored, and the decision is history afterwards
    await h.sql.begin(async (tx) => {
      await tx`update gates set status = 'passed', decided_by = ${id.editor!}, decided_at = '2020-01-01' where id = ${r.release}`
      await tx`insert into gate_decisions (gate_id, run_id, decided_by, decision, decided_at) values (${r.release}, ${r.runId}, ${id.editor!}, 'pass', '2020-01-01')`
    })
    const [g] = await h.sql`select decided_at > now() - interval '1 hour' as fresh from gates where id = ${r.release}`
    const [d] = await h.sql`select decided_at > now() - interval '1 hour' as fresh from gate_decisions where gate_id = ${r.release}`
    expect([g!.fresh, d!.fresh]).toEqual([true, true])
    await expect(h.sql`update gates set decided_by = ${id.editor2 ?? id.legal!} where id = ${r.release}`).rejects.toThrow(
      /decision is history/,
    )
    await expect(h.sql`update gates set status = 'open' where id = ${r.release}`).rejects.toThrow(/cannot go from passed to open/)
    await expect(h.sql`update gate_decisions set decision = 'reject' where gate_id = ${r.release}`).rejects.toThrow(
      /permission denied|append-only/,
    )
  })

  it('approval needs every gate; approved runs, their drafts and claims are frozen', async () => {
    const r = await gatedRun()
    await expect(h.sql`update runs set status = 'approved' where id = ${r.runId}`).rejects.toThrow(/cannot be approved/)
    // a run inserted already approved, or with a final text
    const [brief] = await h.sql`select brief_id from runs where id = ${r.runId}`
    await expect(
      h.sql`insert into runs (brief_id, author_id, status) values (${brief!.brief_id}, ${id.writer!}, 'approved')`,
    ).rejects.toThrow(/starts queued/)
    await expect(h.sql`insert into runs (brief_id, author_id) values (${brief!.brief_id}, ${id.writer2!})`).rejects.toThrow(
      /brief's author/,
    )
    await expect(h.sql`update runs set author_id = ${id.writer2!} where id = ${r.runId}`).rejects.toThrow(/fixed/)
    await expect(h.sql`update runs set final_text = 'Guaranteed cure' where id = ${r.runId}`).rejects.toThrow(/only for an approved run/)

    // the rightful path: claims verified, each gate decided by its own reviewer
    await h.sql`update claims set status = 'verified', source = 'CRM', checked_by = ${id.factcheck!} where run_id = ${r.runId}`
    await decide(r.factCheck, r.runId, id.factcheck!)
    await h.sql`update gates set status = 'open' where id = ${r.legal}`
    await decide(r.legal, r.runId, id.legal!)
    await h.sql`update gates set status = 'open' where id = ${r.release}`
    await decide(r.release, r.runId, id.editor!)
    await h.sql`update runs set status = 'approved', final_text = 'forged' where id = ${r.runId}`
    const [run] = await h.sql`select r.final_text = d.text as same, r.approved_at is not null as stamped
      from runs r join drafts d on d.run_id = r.id and d.version = r.draft_version where r.id = ${r.runId}`
    expect(run).toEqual({ same: true, stamped: true }) // the final text is the approved draft's, whatever was sent

    await expect(h.sql`update runs set final_text = 'Guaranteed cure' where id = ${r.runId}`).rejects.toThrow(/approved and cannot change/)
    await expect(h.sql`update drafts set text = 'Guaranteed cure' where run_id = ${r.runId}`).rejects.toThrow(/frozen/)
    await expect(h.sql`delete from drafts where run_id = ${r.runId}`).rejects.toThrow(/permission denied|cannot be deleted/)
    await expect(h.sql`update claims set source = 'made up' where run_id = ${r.runId}`).rejects.toThrow(/frozen/)
    await expect(h.sql`delete from runs where id = ${r.runId}`).rejects.toThrow(/permission denied|cannot be deleted/)
  })

  it('a draft under review keeps its words; claims are checked only while their gate is open', async () => {
    const r = await gatedRun()
    await expect(h.sql`update drafts set text = text || ' Cures everything.' where run_id = ${r.runId}`).rejects.toThrow(/under review/)
    await expect(h.sql`update drafts set pii_findings = 0, categories = '{}' where run_id = ${r.runId}`).rejects.toThrow(/under review/)
    await expect(h.sql`update claims set text = 'nothing to check' where run_id = ${r.runId}`).rejects.toThrow(/text is fixed/)
    await expect(h.sql`update claims set status = 'verified' where run_id = ${r.runId}`).rejects.toThrow(/names who made it/)
    await expect(h.sql`delete from claims where run_id = ${r.runId}`).rejects.toThrow(/permission denied|cannot be deleted/)
    await h.sql`update claims set status = 'verified', source = 'CRM', checked_by = ${id.factcheck!} where run_id = ${r.runId}`
    await decide(r.factCheck, r.runId, id.factcheck!)
    await expect(h.sql`update claims set status = 'rejected', checked_by = ${id.factcheck!} where run_id = ${r.runId}`).rejects.toThrow(
      /while their fact_check gate is open/,
    )
  })

  it('the audit log takes the database clock and stays append-only', async () => {
    await h.sql`insert into audit_log (at, actor_id, action, data) values ('2001-01-01', null, 'user.seed', '{}')`
    const [row] = await h.sql`select at > now() - interval '1 hour' as fresh from audit_log order by seq desc limit 1`
    expect(row!.fresh).toBe(true)
    await expect(h.sql`update audit_log set action = 'x' where seq = 1`).rejects.toThrow(/permission denied|append-only/)
  })
})

describe.each(targets)('audit verify holds the data against the log on $name', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
  })
  afterAll(async () => h?.close())

  it('names a gate passed without its decision, an unlogged approval, and an emptied log', async () => {
    const { crossCheckAudit } = await import('../../server/audit/cross-check')
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer)
    const editor = await h.as('editor')
    expect((await editor.post(`/api/gates/${run.gates[0].id}/decision`, { decision: 'pass', comment: 'ok' })).status).toBe(200)
    await h.worker.drain()
    expect(await crossCheckAudit(h.sql)).toEqual([])
    const cmo = await h.as('cmo')
    expect((await cmo.post('/api/usage/verify')).body).toMatchObject({ ok: true, reason: null })

    // someone with the owner's keys lifts the guards and rewrites history beside the app
    await h.asOwner(async (tx) => {
      await tx`alter table gate_decisions disable trigger user`
      await tx`alter table audit_log disable trigger user`
      await tx`delete from gate_decisions where run_id = ${runId}`
      await tx`delete from audit_log where run_id = ${runId} and action = 'run.approved'`
      await tx`alter table gate_decisions enable always trigger gate_decisions_guard`
      await tx`alter table audit_log enable always trigger audit_log_chain`
    })
    const found = await crossCheckAudit(h.sql)
    expect(found.map((m) => m.kind).sort()).toEqual(['approval_not_logged', 'gate_without_decision'])
    // the chain broke too (a row was deleted); either way the CMO's check says no
    expect((await cmo.post('/api/usage/verify')).body.ok).toBe(false)

    await h.asOwner(async (tx) => {
      await tx`truncate audit_log`
    })
    expect((await crossCheckAudit(h.sql)).map((m) => m.kind)).toContain('log_emptied')
    // an empty chain is intact, but the CMO's check still says no, naming what disagrees
    expect((await cmo.post('/api/usage/verify')).body).toMatchObject({
      ok: false,
      problem: 'disagree',
      mismatches: expect.arrayContaining([{ kind: 'log_emptied', id: 'audit_log' }]),
    })
  })
})
