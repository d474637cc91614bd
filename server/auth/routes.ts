import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { LoginRequest, Me } from '../../contracts/auth'
import type { Sql } from '../db/connect'
import { op } from '../http/op'
import { refuse } from '../refusals'
import { jsonBody } from '../http/validate'
import { clientIp, publicUrl } from './client-ip'
import { login } from './login'
import { dummyHash } from './password'
import { SESSION_COOKIE, type AuthEnv } from './middleware'
import type { UserRow } from './queries'
import { sessionLimits, type SessionLimits } from './session-limits'
import { DEFAULT_THROTTLE } from './throttle'
import type { ThrottleLimits } from './throttle-policy'
import { logout } from './logout'

export const AUTH_OPS = {
  login: op({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in; sets the HttpOnly session cookie',
    body: LoginRequest,
    response: Me,
    auth: false,
  }),
  logout: op({ method: 'post', path: '/api/auth/logout', summary: 'Log out; ends the session', status: 204, auth: false }),
}

export const toMe = (u: UserRow): Me => ({ id: u.id, email: u.email, name: u.name, roles: u.roles })

export type AuthRouteOptions = {
  /** Secure cookie for this URL (as the browser sent it, see publicUrl); default: https only. */
  secureCookie?: (url: string) => boolean
  /** COPYDESK_TRUST_PROXY: believe X-Forwarded-For / X-Forwarded-Proto from one proxy in front. */
  trustProxy?: boolean
  /** COPYDESK_SESSION_*; the cookie's Max-Age is the absolute timeout. */
  session?: Partial<SessionLimits>
  /** Tests lower the limits; production uses the defaults of throttle-policy.ts. */
  throttle?: { account?: Partial<ThrottleLimits>; ip?: Partial<ThrottleLimits> }
}

export function authRoutes(sql: Sql, opts: AuthRouteOptions = {}) {
  void dummyHash() // made now, at start: the first login for an unknown e-mail costs what the others do
  const secureCookie = opts.secureCookie ?? ((url: string) => url.startsWith('https:'))
  const trustProxy = opts.trustProxy ?? false
  const session = sessionLimits(opts.session)
  const throttle = {
    account: { ...DEFAULT_THROTTLE.account, ...opts.throttle?.account },
    ip: { ...DEFAULT_THROTTLE.ip, ...opts.throttle?.ip },
  }
  return new Hono<AuthEnv>()
    .post('/login', async (c) => {
      const input = await jsonBody(c, AUTH_OPS.login.body)
      const previousToken = getCookie(c, SESSION_COOKIE)
      const result = await login({ sql, input, ip: clientIp(c, trustProxy), previousToken, session, throttle })
      if (!result.ok) {
        // problem.ts keeps headers set on the context, so Retry-After reaches the client.
        c.header('Retry-After', String(result.retryAfter))
        throw refuse('auth.too_many_attempts')
      }
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: secureCookie(publicUrl(c, trustProxy)),
        path: '/',
        maxAge: session.maxHours * 3600,
      })
      return c.json(toMe(result.user))
    })
    .post('/logout', async (c) => {
      await logout(sql, { token: getCookie(c, SESSION_COOKIE), userId: c.get('user')?.id ?? null })
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.body(null, 204)
    })
}
