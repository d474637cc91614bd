import type { MiddlewareHandler } from 'hono'
import type { Log } from '../log'

export type LogEnv = { Variables: { log: Log } }
/** What the access line reads of the session the auth middleware sets (http/ does not depend on auth/). */
type SessionEnv = { Variables: { user: { id: string } | null; requestId: string } }

/**
 * A logger bound to the request id for everything after it (`c.get('log')`), and one access line
 * when the request ends: method, path (never the query string: it holds search terms), status,
 * milliseconds and the user. API requests at info (a 5xx at error), the UI's files at debug.
 */
export function accessLog(log: Log): MiddlewareHandler<SessionEnv & LogEnv> {
  return async function accessLogMiddleware(c, next) {
    const reqLog = log.child({ reqId: c.get('requestId') })
    c.set('log', reqLog)
    const started = performance.now()
    await next()
    const status = c.res.status
    const user = c.get('user')
    const line = {
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(user ? { user: user.id } : {}),
    }
    if (status >= 500) reqLog.error(line, 'request')
    else if (c.req.path.startsWith('/api/')) reqLog.info(line, 'request')
    else reqLog.debug(line, 'request')
  }
}
