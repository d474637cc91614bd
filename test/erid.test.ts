// Issue 19, item 6: a paid online ad is released with the erid its team got from the ad-data
// operator (38-FZ art. 18.1): the release of a paid-ad channel asks for it, the approved run keeps
// it, and it travels in the export, the hand-off payload and the audit row; the app cannot rewrite it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApprovedContent } from '../contracts/runs'
import type { Client } from './helpers/client'
import { testTargets } from './helpers/databases'
import { headlinesBrief, offerBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

describe.each(targets)('the erid of a paid ad on $name', (target) => {
  let h: Harness
  let writer: Client
  let editor: Client
  beforeAll(async () => {
    h = await makeHarness(target)
    ;[writer, editor] = await Promise.all([h.as('writer'), h.as('editor')])
  })
  afterAll(async () => h?.close())

  /** Passes every gate before release, as their reviewers; the open release gate. */
  async function atRelease(runId: string) {
    for (let i = 0; i < 6; i++) {
      const run = (await writer.get(`/api/runs/${runId}`)).body
      const gate = run.gates.find((g: { status: string }) => g.status === 'open')
      if (gate.gate === 'release') return { run, gate }
      const reviewer = await h.as(gate.role)
      if (gate.gate === 'fact_check') await h.verifyAllClaims(reviewer, runId)
      expect((await reviewer.post(`/api/gates/${gate.id}/decision`, { decision: 'pass', comment: 'ok' })).status).toBe(200)
      await h.worker.drain()
    }
    throw new Error('no release gate')
  }

  it('a search ad is released only with a well-formed erid, which travels with the approved text', async () => {
    const { runId } = await h.runToGate(writer, headlinesBrief({ title: 'Paid search ad' }))
    const { run, gate } = await atRelease(runId)
    expect(run.paidAd).toBe(true)
    const without = await editor.post(`/api/gates/${gate.id}/decision`, { decision: 'pass', comment: '' })
    expect(without.status).toBe(400)
    expect(without.body).toMatchObject({ reason: 'release.erid_required' })
    const malformed = await editor.post(`/api/gates/${gate.id}/decision`, { decision: 'pass', erid: 'erid: 2Vtz!' })
    expect(malformed.status).toBe(400)
    expect(malformed.body.issues[0]).toMatchObject({ path: 'erid', code: 'invalid_format' })
    expect((await editor.post(`/api/gates/${gate.id}/decision`, { decision: 'pass', erid: ' 2VtzqxHkLm9 ' })).status).toBe(200)
    await h.worker.drain()

    const content = ApprovedContent.parse((await writer.get(`/api/runs/${runId}/export`)).body)
    expect(content.erid).toBe('2VtzqxHkLm9')
    expect((await writer.get(`/api/runs/${runId}/export?format=md`)).body).toContain('erid: 2VtzqxHkLm9')
    const [event] = await h.sql`select payload ->> 'erid' as erid from events where id = ${`content.approved:${runId}`}`
    expect(event?.erid).toBe('2VtzqxHkLm9')
    const [audit] = await h.sql`select data ->> 'erid' as erid from audit_log where run_id = ${runId} and action = 'run.approved'`
    expect(audit?.erid).toBe('2VtzqxHkLm9')
    // the knowledge base shows it with the approved text, in the search list and the record
    expect((await writer.get(`/api/kb/results/${runId}`)).body.erid).toBe('2VtzqxHkLm9')
    const found = (await writer.get('/api/kb/results')).body.items as { runId: string; erid: string | null }[]
    expect(found.find((i) => i.runId === runId)?.erid).toBe('2VtzqxHkLm9')
    // the database keeps it as approved: the app's connection cannot rewrite or clear it
    await expect(h.sql`update runs set erid = 'Forged12345' where id = ${runId}`).rejects.toThrow()
  })

  it('a landing page is not a paid ad: no erid is asked, none is kept', async () => {
    const { runId } = await h.runToGate(writer, offerBrief({ title: 'Landing offer' }))
    const { run, gate } = await atRelease(runId)
    expect(run.paidAd).toBe(false)
    expect((await editor.post(`/api/gates/${gate.id}/decision`, { decision: 'pass', comment: '' })).status).toBe(200)
    await h.worker.drain()
    expect((await writer.get(`/api/runs/${runId}/export`)).body.erid).toBeNull()
  })

  it('the CMO lists approved paid ads without an erid: those released before erids were recorded', async () => {
    const cmo = await h.as('cmo')
    expect((await cmo.get('/api/usage/unmarked-ads')).body).toEqual([]) // every paid ad approved here has its erid
    // a paid ad approved before migration 019, as an owner's repair would leave it
    const { runId } = await h.runToGate(writer, headlinesBrief({ title: 'Released last year' }))
    await h.approveAll(runId)
    await h.asOwner(async (tx) => {
      await tx`alter table runs disable trigger runs_erid, disable trigger runs_guard`
      await tx`update runs set erid = null where id = ${runId}`
      await tx`alter table runs enable always trigger runs_erid, enable always trigger runs_guard`
    })
    const list = (await cmo.get('/api/usage/unmarked-ads')).body
    expect(list).toEqual([
      { runId, title: 'Released last year', channel: 'search_ad', author: 'writer@copydesk.local', approvedAt: expect.any(String) },
    ])
    expect((await writer.get('/api/usage/unmarked-ads')).status).toBe(403)
  })

  it('the database refuses an erid written on a run outside approval', async () => {
    const { runId } = await h.runToGate(writer, headlinesBrief({ title: 'Still in review' }))
    await expect(h.sql`update runs set erid = 'Sneaky123456' where id = ${runId}`).rejects.toThrow(/comes from the release decision/)
  })
})
