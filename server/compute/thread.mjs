// A compute thread's entry. A worker thread is plain Node: TypeScript hooks registered in the
// main thread (bin/start.mjs calls tsx's register(); vitest transforms through vite) do not
// reach it on Node 20, so the thread registers tsx itself before loading the .ts body.
import { register } from 'tsx/esm/api'

register()
await import('./thread.ts')
