import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import postgres from 'postgres'
import { inject } from 'vitest'
import { openDatabase, type Database, type DatabaseTarget, type Tx } from '../../server/db/connect'
import { openAppDatabase } from '../../server/db/open'
import { findPostgres } from './env'
import { TEST_APP_LOGIN, copyPgliteTemplate, ensureRoles, testDataRoot } from './templates'

export { TEST_APP_LOGIN }

/** A database of its own for one test, and the ways to reach it. */
export type FreshDatabase = {
  target: DatabaseTarget
  /** The owner's own connection (tables' owner; for tests that play a DBA tampering with data). */
  owner: DatabaseTarget
  env: Record<string, string>
  dispose(): Promise<void>
}

/** A database of its own for one test file: a fresh PGlite folder, or a fresh database on the real server. */
export type TestTarget = {
  name: 'pglite' | 'postgres'
  /** A brand-new empty database (for tests of migrating one); `target` can be opened (and reopened) any number of times. */
  fresh(): Promise<FreshDatabase>
  /** A brand-new database already migrated: a copy of this run's template (templates.ts). */
  migrated(): Promise<FreshDatabase>
}

function pgliteDatabase(template?: string): FreshDatabase {
  const dir = fs.mkdtempSync(path.join(testDataRoot(), 'copydesk-test-'))
  if (template) copyPgliteTemplate(template, dir)
  return {
    target: { kind: 'pglite', dataDir: dir },
    owner: { kind: 'pglite', dataDir: dir },
    env: { COPYDESK_DATA_DIR: dir },
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}

/**
 * The run's migrated template (global-setup) under vitest; outside it (`npm run bench` uses these
 * helpers too) there is none, and a fresh database is migrated when it is opened.
 */
function template<K extends 'pgliteTemplate' | 'postgresTemplate'>(key: K) {
  return process.env.VITEST ? inject(key) : undefined
}

const pgliteTarget: TestTarget = {
  name: 'pglite',
  fresh: async () => pgliteDatabase(),
  migrated: async () => pgliteDatabase(template('pgliteTemplate')),
}

function postgresTarget(adminUrl: string): TestTarget {
  async function create(template?: string): Promise<FreshDatabase> {
    const name = `copydesk_test_${randomBytes(6).toString('hex')}`
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
    try {
      await ensureRoles(admin)
      await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`)
    } finally {
      await admin.end()
    }
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
  }
  return {
    name: 'postgres',
    fresh: () => create(),
    async migrated() {
      if (!process.env.VITEST) return create()
      const made = template('postgresTemplate')
      if (!made) throw new Error('no PostgreSQL template: global-setup found no PostgreSQL when the run started')
      return create(made)
    },
  }
}

/** PGlite always; the real PostgreSQL when it is reachable (global-setup fails CI when it is not). */
export async function testTargets(): Promise<TestTarget[]> {
  const url = await findPostgres()
  return url ? [pgliteTarget, postgresTarget(url)] : [pgliteTarget]
}

/**
 * Opens a fresh database (a copy of the migrated template; opening runs migrate() as its owner,
 * which finds nothing to do) connected as the app's role; `close` also removes it.
 */
export async function openFresh(t: TestTarget): Promise<{ db: Database; asOwner: AsOwner; close(): Promise<void> }> {
  const f = await t.migrated()
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
