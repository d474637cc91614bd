import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { openDatabase, type Database, type DatabaseTarget, type Tx } from '../../server/db/connect'
import { openAppDatabase } from '../../server/db/open'
import { findPostgres } from './env'

/** A database of its own for one test file: a fresh PGlite folder, or a fresh database on the real server. */
export type TestTarget = {
  name: 'pglite' | 'postgres'
  /** A brand-new empty database; `target` can be opened (and reopened) any number of times. */
  fresh(): Promise<{
    target: DatabaseTarget
    /** The owner's own connection (tables' owner; for tests that play a DBA tampering with data). */
    owner: DatabaseTarget
    env: Record<string, string>
    dispose(): Promise<void>
  }>
}

const pgliteTarget: TestTarget = {
  name: 'pglite',
  async fresh() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-test-'))
    return {
      target: { kind: 'pglite', dataDir: dir },
      owner: { kind: 'pglite', dataDir: dir },
      env: { COPYDESK_DATA_DIR: dir },
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  },
}

/** The login the app uses in tests: a member of copydesk_app that owns nothing, as README's two roles. */
export const TEST_APP_LOGIN = 'copydesk_test_login'

/** Roles are the cluster's, not a database's: made once, idempotently, by whichever test file comes first. */
async function ensureRoles(admin: postgres.Sql) {
  for (const stmt of [
    'create role copydesk_app nologin',
    `create role ${TEST_APP_LOGIN} login`,
    `grant copydesk_app to ${TEST_APP_LOGIN}`,
  ]) {
    await admin.unsafe(`do $$ begin ${stmt}; exception when duplicate_object or unique_violation then null; end $$`)
  }
}

function postgresTarget(adminUrl: string): TestTarget {
  return {
    name: 'postgres',
    async fresh() {
      const name = `copydesk_test_${randomBytes(6).toString('hex')}`
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
      await ensureRoles(admin)
      await admin.unsafe(`create database ${name}`)
      await admin.end()
      const ownerUrl = new URL(adminUrl)
      ownerUrl.pathname = `/${name}`
      const appUrl = new URL(ownerUrl)
      appUrl.username = TEST_APP_LOGIN
      appUrl.password = ''
      return {
        target: { kind: 'postgres', url: appUrl.toString(), migrationUrl: ownerUrl.toString(), max: 5 },
        owner: { kind: 'postgres', url: ownerUrl.toString(), max: 1 },
        env: { DATABASE_URL: appUrl.toString(), COPYDESK_MIGRATION_URL: ownerUrl.toString() },
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

/** Opens a fresh database, migrated as its owner and connected as the app's role; `close` also removes it. */
export async function openFresh(t: TestTarget): Promise<{ db: Database; asOwner: AsOwner; close(): Promise<void> }> {
  const f = await t.fresh()
  const db = await openAppDatabase(f.target)
  let owner: Database | undefined
  /**
   * One transaction as the tables' owner, for tests that play a DBA. On PGlite that is the same
   * single session switched back for the transaction (SET LOCAL ROLE ends with it); on
   * PostgreSQL, the owner's own connection.
   */
  const asOwner: AsOwner = async (fn) => {
    if (db.kind === 'pglite') {
      return db.sql.begin(async (tx) => {
        await tx`set local role postgres`
        return fn(tx)
      }) as never
    }
    owner ??= await openDatabase(f.owner)
    return owner.sql.begin((tx) => fn(tx)) as never
  }
  return {
    db,
    asOwner,
    async close() {
      await owner?.close()
      await db.close()
      await f.dispose()
    },
  }
}

export type AsOwner = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>
