// Issue 18, item 4: reviews are claimed, assigned and reassigned within their role. The API says
// who may and to whom; the database (migration 011) refuses the same things when the app's own
// connection tries them with raw SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../server/auth/password'
import type { Client } from './helpers/client'
import { testTargets } from './helpers/databases'
import { headlinesBrief, medicalOfferBrief, offerBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

describe.each(targets)('assigning reviews on $name', (target) => {
  let h: Harness
  const id: Record<string, string> = {}
  let writer: Client
  let editor: Client
  let editor2: Client
  let factcheck: Client
  let multi: Client // holds factcheck and legal
  let authorLegal: Client // a writer who also holds legal
  beforeAll(async () => {
    h = await makeHarness(target)
    const hash = await hashPassword('demo-password')
    for (const [name, roles] of [
      ['editor2', ['editor']],
      ['multi', ['factcheck', 'legal']],
      ['wl', ['writer', 'legal']],
    ] as const) {
      await h.sql`insert into users (email, name, password_hash, roles) values (${`${name}@copydesk.local`}, ${name}, ${hash}, ${[...roles]})`
    }
    for (const u of await h.sql`select id, email from users`) id[String(u.email).split('@')[0]!] = String(u.id)
    const login = (name: string) => h.client().login(`${name}@copydesk.local`, 'demo-password')
    ;[writer, editor, factcheck, editor2, multi, authorLegal] = await Promise.all([
      h.as('writer'),
      h.as('editor'),
      h.as('factcheck'),
      login('editor2'),
      login('multi'),
      login('wl'),
    ])
  })
  afterAll(async () => h?.close())

  /** A safe offer: one gate, release (editor), open and unassigned. */
  async function releaseGate(title = 'Booking page') {
    const { runId, run } = await h.runToGate(writer, offerBrief({ title }))
    return { runId, gateId: run.gates.find((g: { gate: string }) => g.gate === 'release').id as string }
  }
  const queue = async (who: Client, query = '') =>
    (await who.get(`/api/reviews${query}`)).body as { gateId: string; assigneeEmail: string | null }[]
  const has = (items: { gateId: string }[], gateId: string) => items.some((i) => i.gateId === gateId)

  it('a claimed review leaves the colleagues’ queue; only its claimer decides it; the claim is audited', async () => {
    const { runId, gateId } = await releaseGate('Claimed')
    expect(has(await queue(editor2, '?assigned=none'), gateId)).toBe(true)

    const claim = await editor.post(`/api/gates/${gateId}/claim`)
    expect(claim.status).toBe(200)
    expect(claim.body).toEqual({ gateId, runId, assignee: 'editor@copydesk.local' })
    expect(has(await queue(editor2, '?assigned=none'), gateId)).toBe(false)
    expect(has(await queue(editor2), gateId)).toBe(false)
    expect((await queue(editor, '?assigned=me')).find((i) => i.gateId === gateId)?.assigneeEmail).toBe('editor@copydesk.local')

    // a second claim loses the race with a clear answer; a decision by the colleague is refused
    const second = await editor2.post(`/api/gates/${gateId}/claim`)
    expect(second.status).toBe(409)
    expect(second.body.message).toMatch(/already claimed/)
    expect((await editor2.post(`/api/gates/${gateId}/decision`, { decision: 'pass', comment: '' })).status).toBe(403)
    expect((await editor.post(`/api/gates/${gateId}/claim`)).status).toBe(200) // claiming again is a no-op

    const gate = (await writer.get(`/api/runs/${runId}`)).body.gates.find((g: { id: string }) => g.id === gateId)
    expect(gate).toMatchObject({ assignee: 'editor@copydesk.local', assignedBy: 'editor@copydesk.local', ownerNamed: false })
    expect(Date.parse(gate.assignedAt)).toBeGreaterThan(Date.now() - 60_000)
    const audit = await h.sql`select actor_id, data from audit_log where run_id = ${runId} and action = 'gate.assigned'`
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor_id: id.editor, data: { gateId, from: null, to: 'editor@copydesk.local', claim: true } })
    expect((await editor.post(`/api/gates/${gateId}/decision`, { decision: 'pass', comment: 'ok' })).status).toBe(200)
    // decided: no longer handed around
    const late = await editor.post(`/api/gates/${gateId}/assign`, { email: 'editor2@copydesk.local' })
    expect(late.status).toBe(409)
  })

  it('a claim follows the review into the next draft; one the database would now refuse stays behind', async () => {
    const { runId, gateId } = await releaseGate('Carried claim')
    expect((await editor2.post(`/api/gates/${gateId}/claim`)).status).toBe(200)
    await editor2.post(`/api/gates/${gateId}/decision`, { decision: 'request_changes', comment: 'Shorter, please' })
    await h.worker.drain() // the redraft plans the gates of draft 2
    const v2 = (await writer.get(`/api/runs/${runId}`)).body.gates.find(
      (g: { gate: string; draftVersion: number }) => g.gate === 'release' && g.draftVersion === 2,
    )
    expect(v2).toMatchObject({ status: 'open', assignee: 'editor2@copydesk.local', assignedBy: 'editor2@copydesk.local' })
    expect(has(await queue(editor, '?assigned=none'), v2.id)).toBe(false)
    expect(has(await queue(editor2, '?assigned=me'), v2.id)).toBe(true)
    const [carried] = await h.sql`select actor_id, data from audit_log where run_id = ${runId} and action = 'gate.assignment_carried'`
    expect(carried).toMatchObject({
      actor_id: null,
      data: { gateId: v2.id, gate: 'release', draftVersion: 2, to: 'editor2@copydesk.local' },
    })

    // the claimer loses the role while the author edits draft 2: draft 3's review goes back to the
    // role (the database refuses the carry), and the plan still stands
    await h.sql`update users set roles = ${['writer']} where id = ${id.editor2!}`
    try {
      const text = (await writer.get(`/api/runs/${runId}`)).body.draft.text as string
      expect((await writer.post(`/api/runs/${runId}/edits`, { version: 2, text: `${text} Edited.` })).status).toBe(201)
      await h.worker.drain()
      const v3 = (await writer.get(`/api/runs/${runId}`)).body.gates.find((g: { draftVersion: number }) => g.draftVersion === 3)
      expect(v3).toMatchObject({ gate: 'release', status: 'open', assignee: null })
      expect(has(await queue(editor, '?assigned=none'), v3.id)).toBe(true)
    } finally {
      await h.sql`update users set roles = ${['editor']} where id = ${id.editor2!}`
    }
  })

  it('two editors claiming at once: one has it, the other is told who', async () => {
    const { gateId } = await releaseGate('Raced')
    const results = await Promise.all([editor.post(`/api/gates/${gateId}/claim`), editor2.post(`/api/gates/${gateId}/claim`)])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const winner = results.find((r) => r.status === 200)!.body.assignee
    expect(results.find((r) => r.status === 409)!.body.message).toContain(winner)
    const [{ n }] =
      (await h.sql`select count(*)::int as n from audit_log where action = 'gate.assigned' and data ->> 'gateId' = ${gateId}`) as unknown as [
        { n: number },
      ]
    expect(n).toBe(1)
  })

  it('handed to a colleague of the role and back to nobody; never to someone without the role or to the author', async () => {
    const { gateId } = await releaseGate('Handed over')
    const to = (email: string | null, who: Client = editor) => who.post(`/api/gates/${gateId}/assign`, { email })
    expect((await to('Editor2@copydesk.local')).body.assignee).toBe('editor2@copydesk.local')
    expect(has(await queue(editor2, '?assigned=me'), gateId)).toBe(true)
    expect(has(await queue(editor), gateId)).toBe(false)

    const names = (await editor.get(`/api/gates/${gateId}/assignees`)).body.map((u: { email: string }) => u.email)
    expect(names).toEqual(expect.arrayContaining(['editor@copydesk.local', 'editor2@copydesk.local']))
    expect(names).not.toContain('writer@copydesk.local')

    const noRole = await to('legal@copydesk.local')
    expect(noRole.status).toBe(422)
    expect(noRole.body.message).toMatch(/does not hold the editor role/)
    // the web says it in words by its reason and values
    expect(noRole.body).toMatchObject({ reason: 'assign.not_in_role', params: { email: 'legal@copydesk.local', role: 'editor' } })
    expect((await to('writer@copydesk.local')).status).toBe(422)
    expect((await to('nobody@copydesk.local')).status).toBe(422)
    expect((await to('not an email')).status).toBe(400)
    // the author, and someone without the role, may not hand it around at all
    expect((await to('editor@copydesk.local', writer)).status).toBe(403)
    expect((await to('editor@copydesk.local', factcheck)).status).toBe(403)
    expect((await writer.get(`/api/gates/${gateId}/assignees`)).status).toBe(403)

    expect((await to(null, editor2)).body.assignee).toBeNull()
    expect(has(await queue(editor, '?assigned=none'), gateId)).toBe(true)
  })

  it("an author who holds the gate's role neither claims nor is handed their own run's review", async () => {
    const { run } = await h.runToGate(authorLegal, medicalOfferBrief({ title: 'Own legal review' }))
    const legalGate = run.gates.find((g: { gate: string }) => g.gate === 'legal_review').id
    expect((await authorLegal.post(`/api/gates/${legalGate}/claim`)).status).toBe(403)
    const own = await multi.post(`/api/gates/${legalGate}/assign`, { email: 'wl@copydesk.local' })
    expect(own.status).toBe(422)
    expect(own.body.message).toMatch(/wrote this brief/)
  })

  it('different people per draft: nobody holds two gates of one draft; a named owner stays', async () => {
    const { run } = await h.runToGate(writer, medicalOfferBrief({ title: 'Two hats' }))
    const gate = (name: string) => run.gates.find((g: { gate: string }) => g.gate === name).id as string
    // pending gates can be claimed ahead
    expect((await multi.post(`/api/gates/${gate('fact_check')}/claim`)).status).toBe(200)
    const twice = await multi.post(`/api/gates/${gate('legal_review')}/claim`)
    expect(twice.status).toBe(409)
    expect(twice.body.message).toMatch(/different people/)
    expect(twice.body).toMatchObject({ reason: 'assign.distinct_reviewers', params: { gate: 'fact_check' } })
    expect((await editor.get(`/api/gates/${gate('release')}/assignees`)).body.map((u: { email: string }) => u.email)).not.toContain(
      'writer@copydesk.local',
    )

    // holding the pending legal review, they pass the fact check: the legal review goes back to its
    // queue (they could never decide it now), on the audit record
    expect((await multi.post(`/api/gates/${gate('fact_check')}/assign`, { email: null })).status).toBe(200)
    expect((await multi.post(`/api/gates/${gate('legal_review')}/claim`)).status).toBe(200)
    await h.verifyAllClaims(multi, run.id)
    expect((await multi.post(`/api/gates/${gate('fact_check')}/decision`, { decision: 'pass', comment: '' })).status).toBe(200)
    const legal = (await editor.get(`/api/runs/${run.id}`)).body.gates.find((g: { gate: string }) => g.gate === 'legal_review')
    expect(legal.assignee).toBeNull()
    const [released] = await h.sql`select data from audit_log where run_id = ${run.id} and action = 'gate.assigned' and data ? 'released'`
    expect(released?.data).toMatchObject({ released: ['legal_review'] })

    const named = await h.runToGate(writer, medicalOfferBrief({ title: 'Named owner', factCheckOwner: 'factcheck@copydesk.local' }))
    const owned = named.run.gates.find((g: { gate: string }) => g.gate === 'fact_check')
    expect(owned).toMatchObject({ assignee: 'factcheck@copydesk.local', ownerNamed: true })
    const steal = await multi.post(`/api/gates/${owned.id}/assign`, { email: 'multi@copydesk.local' })
    expect(steal.status).toBe(409)
    expect(steal.body.message).toMatch(/policy names the owner/)
  })

  it('the queue filters by kind; a bad filter is a 400', async () => {
    const { gateId } = await releaseGate('An offer')
    const headlines = await h.runToGate(writer, headlinesBrief({ title: 'Headlines to filter' }))
    const open = headlines.run.gates.find((g: { status: string }) => g.status === 'open')
    const reviewer = (await h.reviewerClients())[open.role as 'editor' | 'legal' | 'factcheck']
    expect(has(await queue(reviewer, '?kind=headlines'), open.id)).toBe(true)
    expect(has(await queue(editor, '?kind=headlines'), gateId)).toBe(false)
    expect(has(await queue(editor, '?kind=offer'), gateId)).toBe(true)
    expect((await editor.get('/api/reviews?assigned=everyone')).status).toBe(400)
    expect((await editor.get('/api/reviews?kind=poem')).status).toBe(400)
  })

  describe('raw SQL on the app connection', () => {
    const set = (gateId: string, assignee: string | null, by: string | null) =>
      h.sql`update gates set assignee_id = ${assignee}, assigned_by = ${by}, assigned_at = null where id = ${gateId}`

    it('refuses what the API refuses', async () => {
      const { gateId, runId } = await releaseGate('Raw SQL')
      await expect(set(gateId, id.legal!, id.editor!)).rejects.toThrow(/needs role editor/)
      await expect(set(gateId, id.writer!, id.editor!)).rejects.toThrow(/cannot review it/)
      await expect(set(gateId, id.editor2!, id.writer!)).rejects.toThrow(/assigned only by someone holding role editor/)
      await expect(set(gateId, id.editor2!, id.factcheck!)).rejects.toThrow(/assigned only by someone holding role editor/)
      await expect(set(gateId, id.editor2!, null)).rejects.toThrow(/names who made it/)
      await expect(h.sql`update gates set assigned_at = '2020-01-01' where id = ${gateId}`).rejects.toThrow(
        /written only with an assignment/,
      )
      // a decision and a reassignment together
      await expect(
        h.sql.begin(async (tx) => {
          await tx`update gates set status = 'passed', decided_by = ${id.editor2!}, assignee_id = ${id.editor2!}, assigned_by = ${id.editor!} where id = ${gateId}`
          await tx`insert into gate_decisions (gate_id, run_id, decided_by, decision) values (${gateId}, ${runId}, ${id.editor2!}, 'pass')`
        }),
      ).rejects.toThrow(/never with a decision/)

      // the author's own review, assigned by themself or to themself
      const own = await h.runToGate(authorLegal, medicalOfferBrief({ title: 'Raw own' }))
      const legal = own.run.gates.find((g: { gate: string }) => g.gate === 'legal_review').id
      await expect(set(legal, id.multi!, id.wl!)).rejects.toThrow(/cannot assign its reviews/)
      await expect(set(legal, id.wl!, id.multi!)).rejects.toThrow(/cannot review it/)
      // an update that leaves the last assigner on record is refused
      await set(gateId, id.editor2!, id.editor!)
      await expect(h.sql`update gates set assignee_id = ${id.editor!} where id = ${gateId}`).rejects.toThrow(/names who made it/)
      // the admin may assign; the database stamps the time
      await set(gateId, id.editor!, id.admin!)
      const [row] =
        await h.sql`select assignee_id, assigned_by, assigned_at > now() - interval '1 minute' as fresh from gates where id = ${gateId}`
      expect(row).toMatchObject({ assignee_id: id.editor, assigned_by: id.admin, fresh: true })
    })

    it('keeps a named owner and different people per draft', async () => {
      const named = await h.runToGate(writer, medicalOfferBrief({ title: 'Raw named', factCheckOwner: 'factcheck@copydesk.local' }))
      const gate = (name: string) => named.run.gates.find((g: { gate: string }) => g.gate === name).id as string
      await expect(set(gate('fact_check'), id.multi!, id.multi!)).rejects.toThrow(/fixed when it is planned/)
      await expect(h.sql`update gates set owner_named = false where id = ${gate('fact_check')}`).rejects.toThrow(/fixed when it is planned/)
      await set(gate('legal_review'), id.multi!, id.multi!)
      const other = await h.runToGate(writer, medicalOfferBrief({ title: 'Raw two hats' }))
      const g2 = (name: string) => other.run.gates.find((g: { gate: string }) => g.gate === name).id as string
      await set(g2('fact_check'), id.multi!, id.multi!)
      await expect(set(g2('legal_review'), id.multi!, id.multi!)).rejects.toThrow(/different people/)
    })
  })
})
