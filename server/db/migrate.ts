import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Sql } from './connect'

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

type Migration = { version: number; name: string; text: string; checksum: string }

export function readMigrations(dir = DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8')
      return {
        version: Number(f.slice(0, 3)),
        name: f,
        text,
        checksum: createHash('sha256').update(text).digest('hex'),
      }
    })
}

/**
 * Applies the numbered .sql files not yet recorded, in order, each once, in one transaction
 * under an advisory lock so that two processes starting together do not race. Migrations are
 * forward-only: an applied file whose content changed stops startup.
 */
export async function migrate(sql: Sql): Promise<string[]> {
  const migrations = readMigrations()
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(72010001)`
    await tx`create table if not exists schema_migrations (
      version int primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`
    const applied = new Map((await tx`select version, name, checksum from schema_migrations`).map((r) => [Number(r.version), r]))
    const done: string[] = []
    for (const m of migrations) {
      const prior = applied.get(m.version)
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(`migration ${m.name} was changed after it was applied; add a new migration instead`)
        }
        continue
      }
      await tx.unsafe(m.text)
      await tx`insert into schema_migrations (version, name, checksum) values (${m.version}, ${m.name}, ${m.checksum})`
      done.push(m.name)
    }
    return done
  })
}
