import { execFileSync } from 'node:child_process'
import postgres from 'postgres'

/** The real PostgreSQL for integration tests: TEST_DATABASE_URL, else the local default if it answers. */
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

export async function findPostgres(): Promise<string | undefined> {
  const url = process.env.TEST_DATABASE_URL || DEFAULT_PG_URL
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} })
  try {
    await sql`select 1`
    return url
  } catch {
    return undefined
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {})
  }
}

export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const p = execFileSync('which', [name], { encoding: 'utf8' }).trim()
      if (p) return p
    } catch {
      // not on PATH
    }
  }
  return undefined
}
