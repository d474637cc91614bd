import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'server/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    // expect.poll waits for real work (a scrypt login, a worker draft) on a loaded 2-core machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: every file opens its own embedded Postgres; more in parallel only thrashes.
    maxWorkers: 2,
  },
})
