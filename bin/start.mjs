#!/usr/bin/env node
// `npm start`: build the UI if needed, then run API + UI on one port.
import { register } from 'tsx/esm/api'
import { buildUiIfNeeded } from './build-ui-if-needed.mjs'

try {
  register()
  // First, so nothing below can die of an error nobody awaited: a dropped database connection
  // is logged and survived, anything else exits non-zero for the supervisor (see the file).
  const { installProcessGuards } = await import('../server/process-guards.ts')
  installProcessGuards()
  buildUiIfNeeded()
  const { main } = await import('../server/main.ts')
  await main()
} catch (err) {
  // An invalid policy or prompt file lands here with every `file: path: reason` line.
  console.error(`Copydesk did not start: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
