import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Role } from '../../contracts/roles'
import type { Sql } from '../db/connect'
import { refuse } from '../refusals'
import { deleteSession, findSession, touchSession, type UserRow } from './queries'
import { sessionLimits, type SessionLimits } from './session-limits'

export const SESSION_COOKIE = 'copydesk_session'

export type AuthEnv = { Variables: { user: UserRow | null; requestId: string } }
/**
 * What requireUser/requireRole guarantee to the handlers after them: a user. Hono intersects a
 * middleware's env with the router's, so `c.get('user')` is a UserRow there, with no `!`.
 */
export type AuthedEnv = { Variables: { user: UserRow } }

/**
 * Loads the session's user, if any. Routes decide with requireUser/requireRole. A session that
 * has expired, sat idle, or belongs to a disabled user is deleted. (The cookie is left alone:
 * clearing it here would add a second Set-Cookie to a login answered on the same request.)
 * Options default to the config defaults; pass `config.session`.
 */
export function sessionUser(sql: Sql, opts: Partial<SessionLimits> = {}): MiddlewareHandler<AuthEnv> {
  const limits = sessionLimits(opts)
  return async function sessionUserMiddleware(c, next) {
    const token = getCookie(c, SESSION_COOKIE)
    const found = token ? await findSession(sql, token, limits) : undefined
    if (token && found?.valid === false) await deleteSession(sql, token)
    if (token && found?.valid && found.stale) await touchSession(sql, token)
    c.set('user', found?.valid ? found.user : null)
    await next()
  }
}

/** 401 when nobody is logged in. */
export function requireUser(): MiddlewareHandler<AuthEnv & AuthedEnv> {
  return async function requireUserMiddleware(c, next) {
    if (!c.get('user')) throw refuse('auth.login_first')
    await next()
  }
}

/** 401 when nobody is logged in, 403 when the user holds none of the roles. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AuthEnv & AuthedEnv> {
  return async function requireRoleMiddleware(c, next) {
    const user = c.get('user')
    if (!user) throw refuse('auth.login_first')
    if (!roles.some((r) => user.roles.includes(r))) {
      throw refuse('auth.roles_needed', { roles: roles.join(', ') })
    }
    await next()
  }
}
