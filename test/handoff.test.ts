// The governed hand-off: an approved text reaches a receiver (a CMS stand-in started here) as a
// signed POST, once per approval; a receiver that is down gets it later; a delivery whose
// attempts run out is kept with its error; the database refuses an event or a delivery that
// would hand off anything unapproved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApprovedContent } from '../contracts/runs'
import type { Client } from './helpers/client'
import { testTargets } from './helpers/databases'
import { headlinesBrief } from './helpers/fixtures'
import { receiver, verify } from './helpers/handoff-receiver'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()
const SECRETS = ['whsec-old', 'whsec-new'] // mid-rotation: each signs its own v1

describe.each(targets)('the hand-off of approved copy on $name', (target) => {
  let h: Harness
  let cms: Awaited<ReturnType<typeof receiver>>
  let writer: Client
  let admin: Client
  beforeAll(async () => {
    cms = await receiver()
    h = await makeHarness(target, {
      handoff: {
        destinations: [
          { name: 'default', url: cms.url, secrets: SECRETS },
          // a policy file's destination for offers on landing pages only: headlines never reach it
          { name: 'landing-offers', url: cms.url, secrets: SECRETS, kinds: ['offer'], channels: ['landing'] },
        ],
        maxAttempts: 4,
        backoffMs: 250, // long enough that a loaded machine's drain does not retry before the test looks
        timeoutMs: 2000,
      },
    })
    writer = await h.as('writer')
    admin = await h.as('admin')
  })
  afterAll(async () => {
    await h?.close()
    await cms?.close()
  })

  it('approval queues it in the same transaction; the receiver gets the export payload once, signed with both secrets', async () => {
    const { runId } = await h.runToGate(writer, headlinesBrief({ title: 'Spring sale headlines' }))
    expect(cms.got).toEqual([]) // never before approval
    await h.approveAll(runId)
    await h.settle('deliver')
    const mine = cms.got.filter((r) => r.eventId === `content.approved:${runId}`)
    expect(mine).toHaveLength(1)
    const payload = ApprovedContent.parse(JSON.parse(mine[0]!.body))
    expect(payload).toEqual((await writer.get(`/api/runs/${runId}/export`)).body)
    for (const secret of SECRETS) expect(verify(mine[0]!, secret)).toBe(true)
    expect(verify(mine[0]!, 'someone-else')).toBe(false)
    expect(verify({ ...mine[0]!, body: mine[0]!.body.replace('Spring', 'Winter') }, SECRETS[1]!)).toBe(false)
    expect(verify(mine[0]!, SECRETS[1]!, Date.now() + 10 * 60_000)).toBe(false) // a replay ten minutes later
    expect(await h.auditActions(runId)).toEqual(expect.arrayContaining(['run.approved', 'handoff.delivered']))
    const list = await admin.get('/api/handoffs')
    expect(list.status).toBe(200)
    const ours = list.body.filter((d: { runId: string }) => d.runId === runId)
    expect(ours).toEqual([expect.objectContaining({ destination: 'default', status: 'done', attempts: 1, lastError: null })])
    expect((await writer.get('/api/handoffs')).status).toBe(403)
  })

  it('a receiver that is down: retried with backoff, its error in sight, delivered once it is back', async () => {
    cms.state.status = 503
    const { runId } = await h.runToGate(writer, headlinesBrief({ title: 'Autumn headlines' }))
    await h.approveAll(runId)
    const waiting = (await admin.get('/api/handoffs')).body.find((d: { runId: string }) => d.runId === runId)
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, lastError: 'HTTP 503' })
    expect(Date.parse(waiting.nextAttemptAt)).toBeGreaterThan(Date.parse(waiting.updatedAt) - 1000)
    cms.state.status = 200
    await h.settle('deliver')
    expect(cms.got.filter((r) => r.eventId === `content.approved:${runId}`).map((r) => r.eventId)).toHaveLength(2) // the 503 and the 200
    const done = (await admin.get('/api/handoffs')).body.find((d: { runId: string }) => d.runId === runId)
    expect(done).toMatchObject({ status: 'done', attempts: 2 })
  })

  it('attempts run out: the delivery is failed, kept with its last error, and on record', async () => {
    cms.state.status = 500
    const { runId } = await h.runToGate(writer, headlinesBrief({ title: 'Winter headlines' }))
    await h.approveAll(runId)
    await h.settle('deliver')
    cms.state.status = 200
    const failed = (await admin.get('/api/handoffs')).body.find((d: { runId: string }) => d.runId === runId)
    expect(failed).toMatchObject({ status: 'failed', attempts: 4, lastError: 'HTTP 500', nextAttemptAt: null })
    expect(await h.auditActions(runId)).toContain('handoff.failed')

    // the receiver is back: an admin sends it again now, once; writers may not, nor retry what is done
    expect((await writer.post(`/api/outbox/${failed.id}/retry`)).status).toBe(403)
    expect((await admin.post(`/api/outbox/${failed.id}/retry`)).body).toEqual({ id: failed.id, status: 'queued' })
    await h.settle('deliver')
    const resent = (await admin.get('/api/handoffs')).body.find((d: { runId: string }) => d.runId === runId)
    expect(resent).toMatchObject({ status: 'done', attempts: 5 })
    expect(cms.got.filter((r) => r.eventId === `content.approved:${runId}`).at(-1)).toBeDefined()
    expect((await admin.post(`/api/outbox/${failed.id}/retry`)).status).toBe(409)
    expect((await admin.post('/api/outbox/999999999/retry')).status).toBe(404)
    expect((await admin.post('/api/outbox/abc/retry')).status).toBe(400)
    expect(await h.auditActions(runId)).toEqual(expect.arrayContaining(['outbox.retried', 'handoff.delivered']))
  })

  it('the database refuses, on the app connection: an event of an unapproved run, a rewritten or deleted event, a delivery of no event', async () => {
    const { runId: pending } = await h.runToGate(writer, headlinesBrief({ title: 'Not approved yet' }))
    const fake = { id: `content.approved:${pending}`, runId: pending, text: 'x' }
    await expect(
      h.sql`insert into events (id, type, run_id, payload) values (${fake.id}, 'content.approved', ${pending}, ${h.sql.json(fake)})`,
    ).rejects.toThrow(/handed off only after approval/)
    const [approved] = await h.sql`select e.id, e.run_id from events e order by e.created_at limit 1`
    await expect(h.sql`update events set payload = '{}' where id = ${approved!.id}`).rejects.toThrow(/permission denied/)
    await expect(h.sql`delete from events where id = ${approved!.id}`).rejects.toThrow(/permission denied/)
    const forged = { id: 'content.approved:forged', runId: approved!.run_id, text: 'forged' }
    await expect(
      h.sql`insert into events (id, type, run_id, payload) values (${forged.id}, 'content.approved', ${approved!.run_id}, ${h.sql.json(forged)})`,
    ).rejects.toThrow(/frozen final text/)
    await expect(
      h.sql`insert into jobs (run_id, type, payload) values (${approved!.run_id}, 'deliver', ${h.sql.json({ eventId: 'nope', destination: 'default' })})`,
    ).rejects.toThrow(/names an event of its run/)
  })
})
