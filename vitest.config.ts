import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { defineConfig } from 'vitest/config'

/**
 * Files that take the longest while being small: they drive Chromium, child servers, CLIs or the
 * bench, so their size says nothing of their time. Vitest orders files by its results cache
 * (longest first) and, without one (a clean CI checkout), by size: these would start late and
 * leave one core idle at the end. They start first, longest first (seconds of a CI run in the
 * comments); a renamed file only loses its head start.
 */
const LONG_RUNNING = [
  'test/e2e.browser.test.ts', // 94
  'test/e2e-insights.browser.test.ts', // 47
  'test/e2e-russian.browser.test.ts', // 45
  'test/security/auth.test.ts', // 32
  'test/security/uploads.test.ts', // 30
  'test/security/event-loop.test.ts', // 25
  // integration: the files that start child processes (restart, cli, db-outage) each beside
  // in-process ones: two of them at once oversubscribe the two cores (restart's SIGKILL test and
  // cli's PGlite one took twice their time side by side)
  'test/restart.test.ts', // 29
  'test/kb.test.ts', // 23
  'test/usage.test.ts', // 23
  'test/cli.test.ts', // 25
  'test/security/db-outage.test.ts', // 24
]

/**
 * unit and integration share a process between files (isolate: false), but only while the next
 * file in the queue is of the same project: Vitest ends a worker's process when the next file is
 * another project's, and the next one starts a new process that imports the server again (seconds
 * of an integration file's time). By size alone the two projects alternate some forty times, so
 * files run grouped: those that get a process of their own anyway (browser, isolated) first, as
 * they are the longest, then integration, then the many short unit files, which fill the end.
 */
const GROUP: Record<string, number> = { browser: 0, isolated: 0, integration: 1, unit: 2 }

class LongRunningFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files)
    const group = (f: TestSpecification) => GROUP[f.project.name] ?? 3
    const rank = (f: TestSpecification) => {
      const i = LONG_RUNNING.findIndex((name) => f.moduleId.endsWith(`/${name}`))
      return i === -1 ? LONG_RUNNING.length : i
    }
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => group(a.f) - group(b.f) || rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f)
  }
}

/**
 * Files that need a process of their own: a module mock (auth), or a measurement of their own
 * process (the event loop; resident memory while uploads and bodies stream).
 */
const ISOLATED = [
  'test/security/auth.test.ts',
  'test/security/event-loop.test.ts',
  'test/security/uploads.test.ts',
  'test/security/http.test.ts',
]
const BROWSER = ['test/**/*.browser.test.ts']

const common = {
  testTimeout: 60_000,
  // expect.poll waits for real work (a scrypt login, a worker draft) on a loaded 2-core machine.
  expect: { poll: { timeout: 15_000, interval: 100 } },
  hookTimeout: 120_000,
  pool: 'forks',
  // Two cores: every file opens its own embedded Postgres; more in parallel only thrashes.
  maxWorkers: 2,
} as const

export default defineConfig({
  test: {
    // Root only (projects do not extend this config): the run's checks and template databases are
    // made once and provided to every project.
    globalSetup: ['test/helpers/global-setup.ts'],
    sequence: { sequencer: LongRunningFirst },
    maxWorkers: common.maxWorkers,
    /*
     * `vitest run --project <name>` runs one of them. unit and integration share a process
     * between files (isolate: false): importing the server (LangChain, the SDKs) once per worker
     * instead of once per file; their files keep no state in modules (caches are keyed by
     * content) and close what they open. isolated and browser keep a process per file.
     */
    projects: [
      { test: { ...common, name: 'unit', include: ['server/**/*.test.ts'], isolate: false } },
      { test: { ...common, name: 'integration', include: ['test/**/*.test.ts'], exclude: [...ISOLATED, ...BROWSER], isolate: false } },
      { test: { ...common, name: 'isolated', include: ISOLATED } },
      { test: { ...common, name: 'browser', include: BROWSER } },
    ],
  },
})
