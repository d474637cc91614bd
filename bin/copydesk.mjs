#!/usr/bin/env node
// The `copydesk` command. The code is TypeScript; tsx loads it without a build step.
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../server/cli.ts')
try {
  process.exitCode = await runCli(process.argv.slice(2))
} catch (err) {
  console.error(`copydesk: ${err instanceof Error ? err.message : String(err)}`)
  process.exitCode = 1
}
