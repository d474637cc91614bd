import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import postgres from 'postgres'
import { lockDataDir } from './lock'

export type Sql = postgres.Sql
export type Tx = postgres.TransactionSql
/** Either the pool or an open transaction: query helpers accept both. */
export type Queryable = Sql | Tx

export type Database = {
  sql: Sql
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

export type DatabaseTarget =
  /**
   * `url` is the app's connection; `migrationUrl`, when given, the owner's, used only to migrate.
   * `role`: the role every connection switches to at startup (the app's, copydesk_app).
   */
  | { kind: 'postgres'; url: string; max?: number; migrationUrl?: string; role?: string }
  /** dataDir undefined = in memory (tests). */
  | { kind: 'pglite'; dataDir?: string }

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const connection = target.role ? { role: target.role } : {}
    const sql = postgres(target.url, { max: target.max ?? 10, onnotice: () => {}, connection })
    await sql`select 1`
    return { sql, kind: 'postgres', close: () => sql.end({ timeout: 5 }) }
  }
  return openPglite(target.dataDir)
}

/**
 * Embedded mode: PGlite is a single connection, and its socket server holds it exclusively.
 * It runs in a worker thread (pglite-thread.mjs), so its WASM work never blocks the API's event
 * loop. postgres.js with max 1 over that socket is the ONE serialized path for the whole process
 * (API, worker, checkpointer): it queues queries and transactions instead of interleaving
 * them. Inside `sql.begin()` use the transaction's handle only; the outer `sql` would wait
 * for the connection the transaction holds.
 */
async function openPglite(dataDir: string | undefined): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {}
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-pg-'))
  const socketPath = path.join(socketDir, '.s.PGSQL.5432')
  let thread: PgliteThread | undefined
  try {
    thread = await startPgliteThread(dataDir ? path.join(dataDir, 'pg') : undefined, socketPath)
    const sql = postgres({
      path: socketPath,
      database: 'postgres',
      username: 'postgres',
      max: 1,
      prepare: false,
      onnotice: () => {},
    })
    await sql`select 1`
    const t = thread
    return {
      sql,
      kind: 'pglite',
      async close() {
        await sql.end({ timeout: 5 })
        await t.close()
        fs.rmSync(socketDir, { recursive: true, force: true })
        unlock()
      },
    }
  } catch (err) {
    await thread?.close().catch(() => {})
    fs.rmSync(socketDir, { recursive: true, force: true })
    unlock()
    throw err
  }
}

type PgliteThread = { close(): Promise<void> }

function startPgliteThread(dataDir: string | undefined, socketPath: string): Promise<PgliteThread> {
  // execArgv []: plain JavaScript, none of the parent's preloads (tsx, test hooks) belong in it
  const worker = new Worker(new URL('./pglite-thread.mjs', import.meta.url), { workerData: { dataDir, socketPath }, execArgv: [] })
  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      const done = () => resolve()
      worker.once('exit', done)
      worker.once('message', (m: { type?: string }) => m?.type === 'closed' && void worker.terminate().then(done, done))
      worker.postMessage({ type: 'close' })
      // A thread that cannot close its database in time is stopped; PGlite's files survive a kill.
      setTimeout(() => void worker.terminate().then(done, done), 10_000).unref()
    }))
  return new Promise((resolve, reject) => {
    const failed = (err: Error) => reject(err)
    worker.once('error', failed)
    worker.once('exit', (code) => reject(new Error(`the embedded database thread exited (code ${code}) before it was ready`)))
    worker.once('message', (m: { type?: string; message?: string }) => {
      worker.off('error', failed)
      if (m?.type === 'ready') {
        // Later errors of the thread are the database failing under us: loud, never silent.
        worker.on('error', (err) => console.error('embedded database thread failed:', err))
        resolve({ close })
      } else {
        void worker.terminate()
        reject(new Error(`the embedded database did not start: ${m?.message ?? 'unknown reason'}`))
      }
    })
  })
}

/** A round trip to the database: the health check's proof that it answers. */
export async function ping(db: Queryable): Promise<void> {
  await db`select 1`
}
