import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { openDatabase, type Database, type DatabaseTarget } from '../../server/db/connect'
import { migrate } from '../../server/db/migrate'
import { findPostgres } from './env'

/** A database of its own for one test file: a fresh PGlite folder, or a fresh database on the real server. */
export type TestTarget = {
  name: 'pglite' | 'postgres'
  /** A brand-new empty database; `target` can be opened (and reopened) any number of times. */
  fresh(): Promise<{ target: DatabaseTarget; env: Record<string, string>; dispose(): Promise<void> }>
}

const pgliteTarget: TestTarget = {
  name: 'pglite',
  async fresh() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-test-'))
    return {
      target: { kind: 'pglite', dataDir: dir },
      env: { COPYDESK_DATA_DIR: dir },
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  },
}

function postgresTarget(adminUrl: string): TestTarget {
  return {
    name: 'postgres',
    async fresh() {
      const name = `copydesk_test_${randomBytes(6).toString('hex')}`
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
      await admin.unsafe(`create database ${name}`)
      await admin.end()
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      return {
        target: { kind: 'postgres', url: url.toString(), max: 5 },
        env: { DATABASE_URL: url.toString() },
        async dispose() {
          const a = postgres(adminUrl, { max: 1, onnotice: () => {} })
          await a.unsafe(`drop database if exists ${name} with (force)`)
          await a.end()
        },
      }
    },
  }
}

/** PGlite always; the real PostgreSQL when it is reachable (global-setup fails CI when it is not). */
export async function testTargets(): Promise<TestTarget[]> {
  const url = await findPostgres()
  return url ? [pgliteTarget, postgresTarget(url)] : [pgliteTarget]
}

/** Opens a fresh migrated database; `close` also removes it. */
export async function openFresh(t: TestTarget): Promise<{ db: Database; close(): Promise<void> }> {
  const f = await t.fresh()
  const db = await openDatabase(f.target)
  await migrate(db.sql)
  return {
    db,
    async close() {
      await db.close()
      await f.dispose()
    },
  }
}
