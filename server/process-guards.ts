import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * Last line of defence for errors nobody awaited. Installed by bin/start.mjs (and by the test
 * child servers); the HTTP layer and the worker handle their own errors first.
 *
 * A dropped database connection is expected weather (failover, restart, an operator's
 * pg_terminate_backend): postgres.js rejects the queries that were on it and opens a new
 * connection for the next query, so the process keeps running. Anything else is a bug we do not
 * understand, and "log it and carry on" is unsafe: the throw may have skipped a finally block,
 * left a lease heartbeat, a lock or a half-built state in memory, or a promise nobody will ever
 * settle. A process in that state keeps answering /api/health while wedged or doing wrong things.
 * Exiting non-zero hands it to the supervisor (systemd, Docker, Kubernetes), which starts a clean
 * one; runs are jobs in Postgres with leases, so nothing in memory is lost.
 */

// postgres.js's own codes for a connection that is gone or could not be made.
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT'])
// Socket errors from node:net.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ERR_STREAM_DESTROYED',
])
// SQLSTATEs: 57P01 admin_shutdown (pg_terminate_backend), 57P02 crash_shutdown, 57P03
// cannot_connect_now (starting up / shutting down), 53300 too_many_connections; class 08 is
// "connection exception".
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300'])

/** True when `err` (or an error it wraps) says the database connection dropped or could not be made. */
export function isDbConnectionError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (DRIVER_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08...$/.test(code)))
      return true
    if (e instanceof AggregateError && e.errors.some(isDbConnectionError)) return true
  }
  return false
}

/**
 * postgres.js 3.4.9 bug (porsager/postgres#1208, #1154, #1066): a write scheduled with
 * setImmediate runs after the socket was closed and throws from the timer, outside any promise.
 * Catching it does NOT make the pool usable again: the connection keeps its stale write timer, so
 * every reconnect of it hangs until CONNECT_TIMEOUT (measured here: after a 5 s terminate storm,
 * 0 of 20 queries succeeded). So it is fatal, unlike the errors above; the driver patch prevents it.
 */
export function isPostgresWriteRace(err: unknown): boolean {
  return (
    err instanceof TypeError &&
    /reading 'write'|evaluating 'socket\.write'/.test(err.message) &&
    /nextWrite[\s\S]*postgres[\\/](cjs[\\/])?src[\\/]connection\.js/.test(err.stack ?? '')
  )
}

/** Whether the installed postgres.js has the guarded nextWrite (patches/postgres+3.4.9.patch or a fixed release). */
export function postgresDriverStatus(): { version: string; guardedWrites: boolean } {
  try {
    const entry = createRequire(import.meta.url).resolve('postgres') // …/postgres/cjs/src/index.js
    const dir = path.resolve(path.dirname(entry), '..', '..')
    const version = String(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version)
    const source = fs.readFileSync(path.join(dir, 'src', 'connection.js'), 'utf8')
    // 4.x has no nextWrite at all; 3.x is safe only when the dereference is guarded.
    return { version, guardedWrites: !/function nextWrite\(fn\) \{\s*const x = socket\.write\(/.test(source) }
  } catch {
    return { version: 'unknown', guardedWrites: false }
  }
}

export type GuardOptions = {
  log?: (line: string) => void
  /** Tests replace it; the default flushes stderr synchronously and exits. */
  exit?: (code: number) => void
}

/** Installs the process-wide handlers; returns a function that removes them (tests). */
export function installProcessGuards(opts: GuardOptions = {}): () => void {
  const log = opts.log ?? ((line: string) => fs.writeSync(2, `${line}\n`)) // sync: the line must land before exit
  const exit = opts.exit ?? ((code: number) => process.exit(code))
  let survived = 0

  const handle = (err: unknown, origin: string) => {
    const e = err as { code?: unknown; message?: unknown; stack?: unknown } | null
    const where = `pid ${process.pid}, up ${Math.round(process.uptime())} s, ${origin}`
    if (isDbConnectionError(err)) {
      survived++
      log(
        `[guard] database connection dropped (${e?.code ?? 'no code'}: ${String(e?.message ?? err)}) — ${where}; ` +
          `keeping the process, postgres.js reconnects on the next query (${survived} so far)`,
      )
      return
    }
    const why = isPostgresWriteRace(err)
      ? 'postgres.js wrote to a closed socket (porsager/postgres#1208): its pool cannot recover in this process, apply patches/postgres+3.4.9.patch'
      : 'unexpected error: state in this process can no longer be trusted'
    log(`[guard] FATAL ${why} — ${where}; exiting so the supervisor restarts a clean process\n${String(e?.stack ?? err)}`)
    exit(1)
  }
  const onException = (err: unknown, origin: string) => handle(err, origin)
  const onRejection = (reason: unknown) => handle(reason, 'unhandledRejection')
  process.on('uncaughtException', onException)
  process.on('unhandledRejection', onRejection)

  const driver = postgresDriverStatus()
  if (!driver.guardedWrites) {
    log(
      `[guard] WARNING postgres.js ${driver.version} lacks the nextWrite guard: a terminated database connection can stop this process (porsager/postgres#1208)`,
    )
  }
  return () => {
    process.off('uncaughtException', onException)
    process.off('unhandledRejection', onRejection)
  }
}
