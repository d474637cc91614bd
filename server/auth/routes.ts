import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { LoginRequest, type Me } from '../../contracts/auth'
import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { jsonBody } from '../http/validate'
import { SESSION_TTL_HOURS, login } from './login'
import { SESSION_COOKIE, type AuthEnv } from './middleware'
import { deleteSession, type UserRow } from './queries'

export const toMe = (u: UserRow): Me => ({ id: u.id, email: u.email, name: u.name, roles: u.roles })

export function authRoutes(sql: Sql, opts: { secureCookie: (url: string) => boolean }) {
  return new Hono<AuthEnv>()
    .post('/login', async (c) => {
      const input = await jsonBody(c, LoginRequest)
      const { user, token } = await login({ sql, input })
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: opts.secureCookie(c.req.url),
        path: '/',
        maxAge: SESSION_TTL_HOURS * 3600,
      })
      return c.json(toMe(user))
    })
    .post('/logout', async (c) => {
      const token = getCookie(c, SESSION_COOKIE)
      const user = c.get('user')
      if (token) await deleteSession(sql, token)
      if (user) await appendAudit(sql, { actorId: user.id, action: 'auth.logout' })
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.body(null, 204)
    })

}
