import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../server/audit/verify'
import { testTargets } from './helpers/databases'
import { medicalOfferBrief, offerBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

describe.each(targets)('spine on $name', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
  })
  afterAll(async () => h?.close())

  it('answers health, OpenAPI, and 401 before login', async () => {
    const c = h.client()
    expect((await c.get('/api/health')).body).toMatchObject({ ok: true, db: target.name, engine: 'offline' })
    const doc = (await c.get('/api/openapi.json')).body
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/briefs', '/api/runs/{id}', '/api/gates/{id}/decision', '/api/claims/{id}', '/api/policy']),
    )
    expect(
      doc.paths['/api/briefs'].post.requestBody.content['application/json'].schema.oneOf ??
        doc.paths['/api/briefs'].post.requestBody.content['application/json'].schema.anyOf,
    ).toHaveLength(4)
    const me = await c.get('/api/me')
    expect(me.status).toBe(401)
    expect(me.headers.get('content-type')).toContain('application/problem+json')
    expect(me.body).toMatchObject({ code: 'unauthenticated', requestId: expect.any(String) })
  })

  it('logs in with an HttpOnly SameSite cookie, refuses a wrong password, logs out', async () => {
    const c = h.client()
    expect((await c.post('/api/auth/login', { email: 'writer@copydesk.local', password: 'nope' })).status).toBe(401)
    const ok = await c.post('/api/auth/login', { email: 'Writer@Copydesk.local', password: 'demo' })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('set-cookie')).toMatch(/HttpOnly/i)
    expect(ok.headers.get('set-cookie')).toMatch(/SameSite=Lax/i)
    expect((await c.get('/api/me')).body).toMatchObject({ email: 'writer@copydesk.local', roles: ['writer'] })
    expect((await c.post('/api/auth/logout')).status).toBe(204)
    expect((await c.get('/api/me')).status).toBe(401)
  })

  it('rejects a bad brief with 400 naming each field, and 403 for a non-writer', async () => {
    const writer = await h.as('writer')
    const bad = await writer.post('/api/briefs', { ...offerBrief(), audience: '  ', deadline: 'next week' })
    expect(bad.status).toBe(400)
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['audience', 'deadline']))
    const noTranscript = await writer.post('/api/briefs', {
      ...offerBrief(),
      kind: 'interview_summary',
      inputs: { transcript: 'too short' },
    })
    expect(noTranscript.status).toBe(400)
    expect(noTranscript.body.issues[0].path).toBe('inputs.transcript')
    const unknownOwner = await writer.post('/api/briefs', offerBrief({ factCheckOwner: 'nobody@copydesk.local' }))
    expect(unknownOwner.body.issues[0]).toMatchObject({ path: 'factCheckOwner' })
    const notJson = await writer.call('POST', '/api/briefs', undefined)
    expect(notJson.status).toBe(415) // JSON bodies need Content-Type: application/json exactly
    const cmo = await h.as('cmo')
    expect((await cmo.post('/api/briefs', offerBrief())).status).toBe(403)
    expect((await cmo.get('/api/briefs/not-a-uuid')).status).toBe(404)
  })

  it('stores all four kinds of brief and shows them back', async () => {
    const writer = await h.as('writer')
    const kinds = [
      offerBrief(),
      { ...offerBrief(), kind: 'headlines', inputs: { count: 12 } },
      {
        ...offerBrief(),
        kind: 'interview_summary',
        inputs: { transcript: 'Interviewer: What made you look for a CRM? Customer: We lost patients.' },
      },
      { ...offerBrief(), kind: 'seo_clusters', inputs: { keywordsCsv: 'keyword,frequency\ncrm for clinics,1200' } },
    ]
    for (const brief of kinds) {
      const created = await writer.post('/api/briefs', brief)
      expect(created.status).toBe(201)
      const got = (await writer.get(`/api/briefs/${created.body.id}`)).body
      expect(got).toMatchObject({ kind: brief.kind, deadline: '2026-12-15', lang: 'en', authorEmail: 'writer@copydesk.local' })
    }
    const ru = await writer.post(
      '/api/briefs',
      offerBrief({ audience: 'Владельцы стоматологий', task: 'Снизить неявки', offer: 'CRM с напоминаниями' }),
    )
    expect((await writer.get(`/api/briefs/${ru.body.id}`)).body.lang).toBe('ru')
    const list = (await writer.get('/api/briefs')).body
    expect(list.length).toBeGreaterThanOrEqual(5)
  })

  it('drafts in a worker, waits at the release gate, and only an editor who is not the author approves', async () => {
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer)
    expect(run.status).toBe('awaiting_review')
    expect(run.draft).toMatchObject({
      version: 1,
      engine: 'offline',
      promptId: 'offer',
      promptVersion: expect.stringMatching(/^3\.[0-9a-f]{8}$/),
    })
    expect(run.draft.content.variants).toHaveLength(3)
    expect(run.draft.text).toContain('StudioDesk')
    expect(run.draft.categories).toEqual([]) // a safe brief: the default policy asks for the release gate only
    expect(run.gates).toEqual([
      expect.objectContaining({ gate: 'release', role: 'editor', status: 'open', assignee: null, dueAt: expect.any(String) }),
    ])
    const gateId = run.gates[0].id

    const editor = await h.as('editor')
    const queue = (await editor.get('/api/reviews')).body
    expect(queue.map((q: { gateId: string }) => q.gateId)).toContain(gateId)
    expect((await writer.get('/api/reviews')).body).toEqual([])

    expect((await writer.post(`/api/gates/${gateId}/decision`, { decision: 'pass' })).status).toBe(403)
    expect((await (await h.as('legal')).post(`/api/gates/${gateId}/decision`, { decision: 'pass' })).status).toBe(403)
    expect((await (await h.as('admin')).post(`/api/gates/${gateId}/decision`, { decision: 'pass' })).status).toBe(403)
    const noComment = await editor.post(`/api/gates/${gateId}/decision`, { decision: 'reject', comment: '' })
    expect(noComment.status).toBe(400)
    expect(noComment.body.issues[0].path).toBe('comment')

    expect((await editor.post(`/api/gates/${gateId}/decision`, { decision: 'pass', comment: 'Good to go' })).status).toBe(200)
    expect((await editor.post(`/api/gates/${gateId}/decision`, { decision: 'pass' })).status).toBe(409)
    await h.worker.drain()
    const done = (await writer.get(`/api/runs/${runId}`)).body
    expect(done.status).toBe('approved')
    expect(done.gates[0]).toMatchObject({ status: 'passed', decidedBy: 'editor@copydesk.local', comment: 'Good to go' })
    expect(await h.auditActions(runId)).toEqual(['run.start', 'llm.call', 'gate.opened', 'gate.decision', 'run.approved'])
    const [call] =
      await h.sql`select actor_id, data from audit_log where run_id = ${runId} and action = 'llm.call' and data ->> 'purpose' = 'draft'`
    expect(call!.data).toMatchObject({
      engine: 'offline',
      model: 'copydesk-offline-1',
      kind: 'offer',
      promptId: 'offer',
      outcome: 'ok',
      tokensIn: 0,
      costUsd: 0,
    })
    expect(call!.data.latencyMs).toBeGreaterThanOrEqual(0)
    expect((await verifyAudit(h.sql)).ok).toBe(true)
  })

  it('request changes sends the comment back to drafting and gates the new version again', async () => {
    const writer = await h.as('writer')
    const editor = await h.as('editor')
    const { runId, run } = await h.runToGate(writer)
    const first = run.gates[0].id
    expect(
      (await editor.post(`/api/gates/${first}/decision`, { decision: 'request_changes', comment: 'Lead with the clinic case' })).status,
    ).toBe(200)
    expect((await writer.get(`/api/runs/${runId}`)).body.status).toBe('changes_requested')
    await h.worker.drain()
    const redrafted = (await writer.get(`/api/runs/${runId}`)).body
    expect(redrafted.status).toBe('awaiting_review')
    expect(redrafted.draft).toMatchObject({ version: 2, feedback: 'Lead with the clinic case' })
    expect(redrafted.drafts.map((d: { version: number }) => d.version)).toEqual([1, 2])
    const v2gate = h.openGate(redrafted)!
    expect(v2gate).toMatchObject({ draftVersion: 2 })
    expect(redrafted.gates.find((g: { id: string }) => g.id === first).status).toBe('changes_requested')
    expect((await editor.post(`/api/gates/${first}/decision`, { decision: 'pass' })).status).toBe(409)
    expect((await editor.post(`/api/gates/${v2gate.id}/decision`, { decision: 'pass' })).status).toBe(200)
    await h.worker.drain()
    expect((await writer.get(`/api/runs/${runId}`)).body.status).toBe('approved')
    expect((await h.auditActions(runId)).filter((a) => a === 'llm.call')).toHaveLength(2)
  })

  it('reject ends the run for good', async () => {
    const writer = await h.as('writer')
    const editor = await h.as('editor')
    const { runId, run } = await h.runToGate(writer)
    expect((await editor.post(`/api/gates/${run.gates[0].id}/decision`, { decision: 'reject', comment: 'Off brand' })).status).toBe(200)
    expect((await writer.get(`/api/runs/${runId}`)).body.status).toBe('rejected')
    await h.worker.drain()
    const after = (await writer.get(`/api/runs/${runId}`)).body
    expect(after.status).toBe('rejected')
    expect(after.draft.version).toBe(1)
    const [job] = await h.sql`select count(*)::int as n from jobs where run_id = ${runId} and status not in ('done')`
    expect(job!.n).toBe(0)
  })

  it('a risky offer needs fact_check by its named owner (every claim verified), legal review, release', async () => {
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer, medicalOfferBrief({ factCheckOwner: 'factcheck@copydesk.local' }))
    expect(run.draft.categories).toEqual(expect.arrayContaining(['factual_claim', 'legal_promise']))
    expect(run.draft.categories).not.toContain('medicine') // a CRM sold to clinics does not advertise medicine (issue 15)
    expect(run.gates.map((g: { gate: string; status: string }) => [g.gate, g.status])).toEqual([
      ['fact_check', 'open'],
      ['legal_review', 'pending'],
      ['release', 'pending'],
    ])
    expect(run.gates[0]).toMatchObject({ assignee: 'factcheck@copydesk.local', slaBusinessDays: 1 })
    expect(run.claims.length).toBeGreaterThan(0)
    expect(run.claims.map((c: { text: string }) => c.text).join(' ')).toContain('18% to 7%')
    const editor = await h.as('editor')
    const wrongRole = await editor.post(`/api/gates/${run.gates[0].id}/decision`, { decision: 'pass' })
    expect(wrongRole.status).toBe(403)
    expect(wrongRole.body).toMatchObject({ reason: 'gate.role_needed', params: { gate: 'fact_check', role: 'factcheck' } })
    expect((await editor.post(`/api/gates/${run.gates[2].id}/decision`, { decision: 'pass' })).status).toBe(409) // not open yet
    const fc = await h.as('factcheck')
    expect((await fc.get('/api/reviews')).body).toHaveLength(1)
    // the fact check cannot pass while a claim is unverified; a claim needs a source to be verified
    const early = await fc.post(`/api/gates/${run.gates[0].id}/decision`, { decision: 'pass' })
    expect(early.status).toBe(409)
    expect(early.body.message).toMatch(/not verified/)
    // the stable reason and its values, for scripts and for the UI to say it in its language
    expect(early.body).toMatchObject({ code: 'conflict', reason: 'gate.claims_unverified', params: { count: run.claims.length } })
    expect((await fc.post(`/api/claims/${run.claims[0].id}`, { status: 'verified' })).body.issues[0].path).toBe('source')
    expect((await writer.post(`/api/claims/${run.claims[0].id}`, { status: 'verified', source: 'trust me' })).status).toBe(403)
    await h.verifyAllClaims(fc, runId)
    expect(
      (await fc.post(`/api/gates/${run.gates[0].id}/decision`, { decision: 'pass', comment: 'Case verified with the clinic' })).status,
    ).toBe(200)
    await h.worker.drain()
    const mid = (await writer.get(`/api/runs/${runId}`)).body
    expect(h.openGate(mid)!.gate).toBe('legal_review')
    expect(mid.draft.missing.map((m: { requirement: string }) => m.requirement)).toEqual([]) // English copy: no Russian disclaimer is required
    const legal = await h.as('legal')
    expect(
      (await legal.post(`/api/gates/${run.gates[1].id}/decision`, { decision: 'pass', comment: 'Guarantee terms are stated' })).status,
    ).toBe(200)
    await h.worker.drain()
    expect((await editor.post(`/api/gates/${run.gates[2].id}/decision`, { decision: 'pass' })).status).toBe(200)
    await h.worker.drain()
    const done = (await writer.get(`/api/runs/${runId}`)).body
    expect(done.status).toBe('approved')
    expect(done.policyVersion).toBe(h.policy.version)
    const decisions = await h.sql`select policy_version from gate_decisions where run_id = ${runId}`
    expect(decisions.map((d) => d.policy_version)).toEqual([h.policy.version, h.policy.version, h.policy.version])
  })
})
