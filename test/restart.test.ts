import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { seedDemoUsers } from '../server/auth/seed-demo'
import { loadConfig } from '../server/config'
import { openDatabase } from '../server/db/connect'
import { openAppDatabase } from '../server/db/open'
import { startServer, type Server } from '../server/main'
import { claimJob } from '../server/jobs/queries'
import { startChildServer } from './helpers/child-server'
import { Client } from './helpers/client'
import { testTargets, type TestTarget } from './helpers/databases'
import { offerBrief } from './helpers/fixtures'
import { silentLog } from '../server/log'

const targets = await testTargets()
const quiet = { log: silentLog }

async function waitForStatus(c: Client, runId: string, status: string) {
  await expect.poll(async () => (await c.get(`/api/runs/${runId}`)).body.status, { timeout: 30_000, interval: 100 }).toBe(status)
}
const clientFor = (url: string) => new Client((p, init) => fetch(url + p, init))
/** A client that follows the server across restarts (each start gets a new port). */
const follow = (server: () => Server) => new Client((p, init) => fetch(server().url + p, init))

describe.each(targets)('restarts on $name', (target: TestTarget) => {
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c()
  })

  async function freshConfig() {
    const f = await target.migrated()
    cleanups.push(f.dispose)
    if (f.target.kind === 'postgres') {
      // A real database gets demo users only when asked (copydesk seed --demo).
      const db = await openAppDatabase(f.target)
      await seedDemoUsers(db.sql, 'demo')
      await db.close()
    }
    return { config: loadConfig({ ...f.env, PORT: '0', HOST: '127.0.0.1', COPYDESK_WORKERS: '1' }), target: f.target }
  }

  it('a run waiting at its gate survives a server restart and can then be approved', async () => {
    const { config } = await freshConfig()
    let server: Server = await startServer(config, quiet)
    const writer = await follow(() => server).login('writer@copydesk.local')
    const brief = await writer.post('/api/briefs', offerBrief())
    const run = await writer.post(`/api/briefs/${brief.body.id}/runs`)
    await waitForStatus(writer, run.body.id, 'awaiting_review')
    const before = (await writer.get(`/api/runs/${run.body.id}`)).body
    await server.close()

    server = await startServer(config, quiet)
    cleanups.push(() => server.close())
    const editor = await follow(() => server).login('editor@copydesk.local')
    const after = (await editor.get(`/api/runs/${run.body.id}`)).body
    expect(after.status).toBe('awaiting_review')
    expect(after.draft).toEqual(before.draft)
    expect((await editor.get('/api/reviews')).body.map((r: { runId: string }) => r.runId)).toContain(run.body.id)
    expect((await editor.post(`/api/gates/${after.gates[0].id}/decision`, { decision: 'pass', comment: 'ok' })).status).toBe(200)
    await waitForStatus(editor, run.body.id, 'approved')
    // the session cookie from before the restart still works: sessions live in the database
    expect((await writer.get('/api/me')).status).toBe(200)
  })

  it('a run left "running" by a dead worker is picked up again', async () => {
    const { config, target: dbTarget } = await freshConfig()
    let server: Server = await startServer({ ...config, workers: 0 }, quiet) // API only: nobody drafts
    const writer = await follow(() => server).login('writer@copydesk.local')
    const brief = await writer.post('/api/briefs', offerBrief())
    const run = await writer.post(`/api/briefs/${brief.body.id}/runs`)
    await server.close()

    // A worker claims the job and dies without finishing it (its lease runs out in 1 s).
    const db = await openDatabase(dbTarget)
    const claimed = await claimJob(db.sql, 'worker-that-died', 1)
    expect(claimed?.run_id).toBe(run.body.id)
    await db.sql`update runs set status = 'running' where id = ${run.body.id}`
    await db.close()

    server = await startServer(config, quiet)
    cleanups.push(() => server.close())
    await waitForStatus(writer, run.body.id, 'awaiting_review')
    const dbAfter = (await writer.get(`/api/runs/${run.body.id}`)).body
    expect(dbAfter.draft.version).toBe(1)
  })
})

describe('embedded server killed with SIGKILL', () => {
  it('keeps the waiting run, recovers the stale lock, refuses a second owner', async () => {
    const f = await targets[0]!.migrated()
    try {
      const env: Record<string, string> = { ...f.env, COPYDESK_WORKERS: '1' }
      const first = await startChildServer(env)
      expect(first.output()).toMatch(/"msg":"demo user created"/) // the log is JSON lines when not on a terminal
      const writer = await clientFor(first.url).login('writer@copydesk.local')
      const brief = await writer.post('/api/briefs', offerBrief())
      const run = await writer.post(`/api/briefs/${brief.body.id}/runs`)
      await waitForStatus(writer, run.body.id, 'awaiting_review')

      // While it runs, a second process on the same folder is refused clearly.
      await expect(startChildServer(env)).rejects.toThrow(/in use by another Copydesk process/)

      first.child.kill('SIGKILL')
      await new Promise((r) => first.child.once('exit', r))
      expect(fs.existsSync(path.join(env.COPYDESK_DATA_DIR!, 'copydesk.lock'))).toBe(true)

      const second = await startChildServer(env)
      try {
        const editor = await clientFor(second.url).login('editor@copydesk.local')
        const waiting = (await editor.get(`/api/runs/${run.body.id}`)).body
        expect(waiting.status).toBe('awaiting_review')
        expect((await editor.post(`/api/gates/${waiting.gates[0].id}/decision`, { decision: 'pass' })).status).toBe(200)
        await waitForStatus(editor, run.body.id, 'approved')
        expect(second.output()).not.toMatch(/demo user created/) // seeded once, on the first start only
      } finally {
        second.child.kill('SIGTERM')
        await new Promise((r) => second.child.once('exit', r))
      }
    } finally {
      await f.dispose()
    }
  })
})
