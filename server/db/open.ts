import type { Config } from '../config'
import { openDatabase, type Database } from './connect'
import { migrate } from './migrate'

/** The database the config names: DATABASE_URL, else embedded PGlite in COPYDESK_DATA_DIR. Migrated. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const db = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir })
  try {
    await migrate(db.sql)
    return db
  } catch (err) {
    await db.close()
    throw err
  }
}
