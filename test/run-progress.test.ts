// Issue 18, item 6: long work says how far it is. The worker holding a run's job writes what the
// drafting reports (through the LangGraph step and the compute thread) to the job; the run's API
// shows it while the run drafts, and nothing once it waits for review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { claimJob, setJobProgress } from '../server/jobs/queries'
import type { Client } from './helpers/client'
import { testTargets } from './helpers/databases'
import { seoBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()
const csv = (n: number) =>
  [
    'keyword,frequency',
    ...Array.from({ length: n }, (_, i) => `${['crm', 'vpn', 'yoga'][i % 3]} ${['price', 'best'][i % 2]} ${i},${500 + i}`),
  ].join('\n')

describe.each(targets)('the progress of a run on $name', (target) => {
  let h: Harness
  let writer: Client
  beforeAll(async () => {
    h = await makeHarness(target)
    writer = await h.as('writer')
  })
  afterAll(async () => h?.close())

  it('the worker records what the drafting step reports, through the graph and the compute thread', async () => {
    const { runId } = await h.runToGate(writer, seoBrief(csv(1500), { title: 'Progress plan' }))
    const [job] = await h.sql`select progress from jobs where run_id = ${runId} and type = 'run'`
    // the last thing the step said: it was checking the plan, at a time the database stamped
    expect(job?.progress).toMatchObject({ stage: 'checking', done: 0, total: 0, at: expect.any(String) })
    const run = (await writer.get(`/api/runs/${runId}`)).body
    expect(run.status).toBe('awaiting_review')
    expect(run.progress).toBeNull() // a report of a step that ended is not the run's state
  })

  it('the run shows the stage and share done while it drafts; only the job’s holder can write it', async () => {
    const b = await writer.post('/api/briefs', seoBrief(csv(300), { title: 'Drafting now' }))
    const runId = (await writer.post(`/api/briefs/${b.body.id}/runs`)).body.id as string
    const job = (await claimJob(h.sql, 'worker-test', 60))!
    expect(job.run_id).toBe(runId)
    await h.sql`update runs set status = 'running' where id = ${runId}`
    await setJobProgress(h.sql, job.id, 'someone-else', { stage: 'planning', done: 1, total: 2 }) // not theirs: nothing
    expect((await writer.get(`/api/runs/${runId}`)).body.progress).toBeNull()
    await setJobProgress(h.sql, job.id, 'worker-test', { stage: 'clustering', done: 40_000, total: 100_000 })
    const shown = (await writer.get(`/api/runs/${runId}`)).body.progress
    expect(shown).toMatchObject({ stage: 'clustering', done: 40_000, total: 100_000 })
    expect(Date.now() - Date.parse(shown.at)).toBeLessThan(60_000)
    // someone outside the work (no gate of this run yet, not a role that sees all work) reads none of it
    const outsider = await h.as('factcheck')
    expect((await outsider.get(`/api/runs/${runId}`)).status).toBe(403)
    await h.sql`update jobs set status = 'queued', locked_by = null, locked_until = null where id = ${job.id}`
    await h.worker.drain()
    expect((await writer.get(`/api/runs/${runId}`)).body).toMatchObject({ status: 'awaiting_review', progress: null })
  })
})
