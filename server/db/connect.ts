import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
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
 * postgres.js with max 1 over that socket is the ONE serialized path for the whole process
 * (API, worker, checkpointer): it queues queries and transactions instead of interleaving
 * them. Inside `sql.begin()` use the transaction's handle only; the outer `sql` would wait
 * for the connection the transaction holds.
 */
async function openPglite(dataDir: string | undefined): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {}
  let pg: PGlite | undefined
  let server: PGLiteSocketServer | undefined
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-pg-'))
  try {
    pg = await PGlite.create(dataDir ? path.join(dataDir, 'pg') : undefined)
    const socketPath = path.join(socketDir, '.s.PGSQL.5432')
    server = new PGLiteSocketServer({ db: pg, path: socketPath })
    await server.start()
    const sql = postgres({
      path: socketPath,
      database: 'postgres',
      username: 'postgres',
      max: 1,
      prepare: false,
      onnotice: () => {},
    })
    await sql`select 1`
    const [db, srv] = [pg, server]
    return {
      sql,
      kind: 'pglite',
      async close() {
        await sql.end({ timeout: 5 })
        await srv.stop()
        await db.close()
        fs.rmSync(socketDir, { recursive: true, force: true })
        unlock()
      },
    }
  } catch (err) {
    await server?.stop().catch(() => {})
    await pg?.close().catch(() => {})
    fs.rmSync(socketDir, { recursive: true, force: true })
    unlock()
    throw err
  }
}
