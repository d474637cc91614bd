import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { AppError } from '../errors'
import { refuse } from '../refusals'
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
  const answer = (e: AppError) =>
    send(e.status, { code: e.code, message: e.message, ...(e.refusal ?? {}), ...(e.issues ? { issues: e.issues } : {}) })
  if (err instanceof AppError) return answer(err)
  if (err instanceof HTTPException)
    return send(err.status, { code: err.status === 404 ? 'not_found' : 'bad_request', message: err.message })
  const pgCode = (err as { code?: string } | null)?.code
  // the trigger's or constraint's own sentence is the (English) message; the reason is what the UI says
  if (pgCode && PG_CHECK.has(pgCode))
    return answer(new AppError('conflict', (err as Error).message, undefined, { reason: 'db.rule_refused', params: {} }))
  if (isDbConnectionError(err)) {
    // The database dropped or refused the connection: postgres.js reconnects on the next query.
    reqLog.warn({ err: (err as Error).message }, 'database unavailable')
    c.header('retry-after', '2')
    return answer(refuse('db.unavailable'))
  }
  reqLog.error({ err }, 'unhandled error')
  return answer(refuse('server.internal'))
}
