import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { AppError } from '../errors'
import type { Log } from '../log'
import { isDbConnectionError } from '../process-guards'

// Postgres SQLSTATEs raised by our triggers and constraints: a rule said no.
const PG_CHECK = new Set(['23514', '23505', '23503', '42501'])

/**
 * The one place an error becomes an HTTP answer: `{code, message, requestId, reason?, params?, issues?}`. What the
 * client may not see (a stack, a driver's message) goes to the log, under the same request id.
 */
export function problemResponse(err: unknown, c: Context, log: Log) {
  const requestId = (c.get('requestId') as string | undefined) ?? ''
  const reqLog = (c.get('log') as Log | undefined) ?? log.child({ reqId: requestId })
  const send = (status: number, body: Record<string, unknown>) =>
    c.body(JSON.stringify({ ...body, requestId }), status as 400, { 'content-type': 'application/problem+json' })
  if (err instanceof AppError) {
    return send(err.status, {
      code: err.code,
      message: err.message,
      ...(err.refusal ?? {}),
      ...(err.issues ? { issues: err.issues } : {}),
    })
  }
  if (err instanceof HTTPException)
    return send(err.status, { code: err.status === 404 ? 'not_found' : 'bad_request', message: err.message })
  const pgCode = (err as { code?: string } | null)?.code
  if (pgCode && PG_CHECK.has(pgCode)) {
    return send(409, { code: 'conflict', message: (err as Error).message })
  }
  if (isDbConnectionError(err)) {
    // The database dropped or refused the connection: postgres.js reconnects on the next query.
    reqLog.warn({ err: (err as Error).message }, 'database unavailable')
    c.header('retry-after', '2')
    return send(503, { code: 'unavailable', message: 'the database is unavailable; try again in a few seconds' })
  }
  reqLog.error({ err }, 'unhandled error')
  return send(500, { code: 'internal', message: 'something went wrong on our side; the request id helps us find it' })
}
