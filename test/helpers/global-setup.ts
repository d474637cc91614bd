import type { TestProject } from 'vitest/node'
import { findChromium, findPostgres } from './env'
import { buildPgliteTemplate, buildPostgresTemplate } from './templates'

/**
 * Says loudly which suites cannot run here. Locally they are skipped; under CI (CI=true) a
 * missing PostgreSQL or Chromium fails the run, because CI must exercise both. Then builds the
 * run's migrated template databases (templates.ts) and removes them when the run ends.
 */
export default async function setup(project: TestProject) {
  const pg = await findPostgres()
  const chromium = findChromium()
  const missing: string[] = []
  if (!pg) missing.push('real PostgreSQL (set TEST_DATABASE_URL or run one on 127.0.0.1:5432): its integration suites are SKIPPED')
  if (!chromium) missing.push('Chromium (apt-get install -y chromium): the browser end-to-end suite is SKIPPED')
  if (missing.length) {
    const banner = ['', '#'.repeat(78), ...missing.map((m) => `#  MISSING: ${m}`), '#'.repeat(78), ''].join('\n')
    console.warn(banner)
    if (process.env.CI === 'true' || process.env.CI === '1') {
      throw new Error(`CI must run every suite, but: ${missing.join('; ')}`)
    }
  }

  const [pglite, postgres] = await Promise.all([buildPgliteTemplate(), pg ? buildPostgresTemplate(pg) : undefined])
  project.provide('pgliteTemplate', pglite.dir)
  project.provide('postgresTemplate', postgres?.name ?? null)
  return async () => {
    pglite.dispose()
    await postgres?.dispose()
  }
}
