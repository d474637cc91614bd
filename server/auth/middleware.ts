import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Role } from '../../contracts/roles'
import type { Sql } from '../db/connect'
import { AppError } from '../errors'
import { findSessionUser, type UserRow } from './queries'

export const SESSION_COOKIE = 'copydesk_session'

export type AuthEnv = { Variables: { user: UserRow | null; requestId: string } }

/** Loads the session's user, if any. Routes decide with requireUser/requireRole. */
export function sessionUser(sql: Sql): MiddlewareHandler<AuthEnv> {
  return async function sessionUserMiddleware(c, next) {
    const token = getCookie(c, SESSION_COOKIE)
    c.set('user', token ? ((await findSessionUser(sql, token)) ?? null) : null)
    await next()
  }
}

/** 401 when nobody is logged in. */
export function requireUser(): MiddlewareHandler<AuthEnv> {
  return async function requireUserMiddleware(c, next) {
    if (!c.get('user')) throw new AppError('unauthenticated', 'log in first')
    await next()
  }
}

/** 401 when nobody is logged in, 403 when the user holds none of the roles. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AuthEnv> {
  return async function requireRoleMiddleware(c, next) {
    const user = c.get('user')
    if (!user) throw new AppError('unauthenticated', 'log in first')
    if (!roles.some((r) => user.roles.includes(r))) {
      throw new AppError('forbidden', `this needs one of the roles: ${roles.join(', ')}`)
    }
    await next()
  }
}
