import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { openDatabase } from '../../server/db/connect'
import { migrate } from '../../server/db/migrate'

/*
 * Migrated template databases: built once per test run (global-setup.ts) and copied for every
 * test database that starts migrated, so initdb (about 3 s in PGlite) and the migrations run
 * once per run instead of once per harness. Each copy still runs migrate() when the app opens
 * it, which finds every migration applied with its checksum: a changed migration file still
 * fails the suite.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite cluster folder, closed cleanly: the `pg` folder of a data dir. */
    pgliteTemplate: string
    /** A migrated database on the real PostgreSQL that accepts no connections; null without one. */
    postgresTemplate: string | null
  }
}

/** The login the app uses in tests: a member of copydesk_app that owns nothing, as README's two roles. */
export const TEST_APP_LOGIN = 'copydesk_test_login'

/** Roles are the cluster's, not a database's: made idempotently, whoever comes first. */
export async function ensureRoles(admin: postgres.Sql) {
  for (const stmt of [
    'create role copydesk_app nologin',
    `create role ${TEST_APP_LOGIN} login`,
    `grant copydesk_app to ${TEST_APP_LOGIN}`,
  ]) {
    await admin.unsafe(`do $$ begin ${stmt}; exception when duplicate_object or unique_violation then null; end $$`)
  }
}

/**
 * Where test data dirs go: /dev/shm (memory) when the machine has it, else the temp folder.
 * A data dir is ~1,100 files; on this VM's disk, copying and deleting them cost tens of seconds
 * of a run, and more whenever something else keeps the disk busy.
 */
export function testDataRoot(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK)
    return '/dev/shm'
  } catch {
    return os.tmpdir()
  }
}

/** initdb and the migrations in a folder of its own; the app's data dirs get copies of its `pg` folder. */
export async function buildPgliteTemplate(): Promise<{ dir: string; dispose(): void }> {
  const dataDir = fs.mkdtempSync(path.join(testDataRoot(), 'copydesk-template-'))
  const db = await openDatabase({ kind: 'pglite', dataDir })
  try {
    await migrate(db.sql)
  } finally {
    await db.close()
  }
  return { dir: path.join(dataDir, 'pg'), dispose: () => fs.rmSync(dataDir, { recursive: true, force: true }) }
}

/**
 * A new data dir's cluster as a copy of the template's files (~40 MB; 0.05 s in memory). PGlite's own
 * dumpDataDir/loadDataDir carry the same files through a tarball; measured here, loading one
 * took 0.5-0.8 s and needs a PGlite instance to unpack it, where these data dirs are folders
 * on disk that child servers and CLIs open by path.
 */
export function copyPgliteTemplate(template: string, dataDir: string) {
  fs.cpSync(template, path.join(dataDir, 'pg'), { recursive: true })
}

/** `create database … template` copies it; it accepts no connections so no session can block a copy. */
export async function buildPostgresTemplate(adminUrl: string): Promise<{ name: string; dispose(): Promise<void> }> {
  const name = `copydesk_template_${randomBytes(6).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await ensureRoles(admin)
    await admin.unsafe(`create database ${name}`)
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    const owner = postgres(url.toString(), { max: 1, onnotice: () => {} })
    try {
      await migrate(owner)
    } finally {
      await owner.end()
    }
    await admin.unsafe(`alter database ${name} allow_connections false`)
  } finally {
    await admin.end()
  }
  return {
    name,
    async dispose() {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} })
      await a.unsafe(`drop database if exists ${name}`)
      await a.end()
    },
  }
}
