// The server's log: pino, one JSON object per line (for a log shipper), or one readable line per
// event when a person watches a terminal. Every line written while a request is handled carries
// its request id (`reqId`, also the X-Request-Id response header); each API request ends with one
// access line. Bodies and query strings are never logged: they hold briefs, transcripts and
// search terms, i.e. personal data.
import { pino, type DestinationStream, type Logger } from 'pino'
import { z } from 'zod'

export type Log = Logger
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]
export type LogFormat = 'json' | 'text'

export type LogOptions = {
  level?: LogLevel
  /** json: one object per line; text: time, level, message, then key=value. Default: text on a terminal. */
  format?: LogFormat
  /** Where lines go (tests capture them); default standard output. */
  destination?: { write(line: string): void }
}

export function createLog(opts: LogOptions = {}): Log {
  const format = opts.format ?? (process.stdout.isTTY ? 'text' : 'json')
  const sink = opts.destination ?? process.stdout
  const out: DestinationStream = format === 'json' ? sink : { write: (line: string) => sink.write(textLine(line)) }
  return pino(
    {
      level: opts.level ?? 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      // the level's name, not its number: readable in any log viewer
      formatters: { level: (label) => ({ level: label }) },
    },
    out,
  )
}

/** A logger that writes nothing (tests, benchmarks). */
export const silentLog: Log = pino({ level: 'silent' })

const HIDDEN = new Set(['time', 'level', 'msg', 'pid', 'hostname', 'err'])

const LogLine = z.record(z.string(), z.unknown())
const LoggedError = z.object({ stack: z.string().optional(), message: z.string().optional() })

/** One pino JSON line as text: `14:40:03.123 INFO  message reqId=… status=200`, an error's stack below it. */
export function textLine(json: string): string {
  let o: Record<string, unknown>
  try {
    const parsed = LogLine.safeParse(JSON.parse(json))
    if (!parsed.success) return json
    o = parsed.data
  } catch {
    return json
  }
  const time = typeof o.time === 'string' ? o.time.slice(11, 23) : ''
  const level = String(o.level ?? '').toUpperCase()
  const fields = Object.entries(o)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' && !/[\s"=]/.test(v) ? v : JSON.stringify(v)}`)
  const err = LoggedError.safeParse(o.err).data
  const stack = err ? `\n    ${(err.stack ?? err.message ?? '').replace(/\n/g, '\n    ')}` : ''
  return `${[time, level.padEnd(5), o.msg ?? '', ...fields].filter((x) => x !== '').join(' ')}${stack}\n`
}
