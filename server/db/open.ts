import type { Config } from '../config'
import { openDatabase, type Database, type DatabaseTarget, type Sql } from './connect'
import { migrate } from './migrate'

/** The role the app runs as: it owns nothing and holds only the grants of migration 006. */
export const APP_ROLE = 'copydesk_app'

/** The database the config names: DATABASE_URL (migrated with COPYDESK_MIGRATION_URL when set), else embedded PGlite. */
export function configuredTarget(config: Config): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl, migrationUrl: config.migrationUrl }
    : { kind: 'pglite', dataDir: config.dataDir }
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return openAppDatabase(configuredTarget(config))
}

/**
 * Migrates as the owner, then hands back a connection that runs as APP_ROLE. On PostgreSQL the
 * owner connects only to migrate (COPYDESK_MIGRATION_URL, else DATABASE_URL) and every app
 * connection switches to the role at startup. PGlite is one session whose user is its superuser:
 * it migrates, then `SET ROLE`s that session for good, so every statement the app sends runs
 * without ownership (a statement that itself says RESET ROLE is the one gap; README says so).
 * Startup stops if the role the app ended up with owns a table or is a superuser.
 */
export async function openAppDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const owner = await openDatabase({ kind: 'postgres', url: target.migrationUrl ?? target.url, max: 1 })
    try {
      await migrate(owner.sql)
    } finally {
      await owner.close()
    }
    return checked(await openDatabase({ ...target, role: APP_ROLE }))
  }
  const db = await openDatabase(target)
  try {
    await migrate(db.sql)
    await db.sql.unsafe(`set role ${APP_ROLE}`)
  } catch (err) {
    await db.close()
    throw err
  }
  return checked(db)
}

async function checked(db: Database): Promise<Database> {
  try {
    await assertAppRole(db.sql)
    return db
  } catch (err) {
    await db.close()
    throw err
  }
}

/** Refuses a connection that could switch the guards off: a superuser, or the owner of any table. */
export async function assertAppRole(sql: Sql) {
  const [me] = await sql`select current_user as name, r.rolsuper as super,
      (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owned
    from pg_roles r where r.rolname = current_user`
  if (!me) throw new Error('cannot read the role of the database connection')
  if (me.super || me.owned > 0) {
    throw new Error(
      `the app's database role ${me.name} ${me.super ? 'is a superuser' : `owns ${me.owned} table(s)`}: it must be ${APP_ROLE} or a member of it that owns nothing (README: two roles)`,
    )
  }
}
