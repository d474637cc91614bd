import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { authRoutes, toMe } from './auth/routes'
import { requireUser, sessionUser, type AuthEnv } from './auth/middleware'
import { briefRoutes } from './briefs/routes'
import { type Database, ping } from './db/connect'
import { commentRoutes } from './comments/routes'
import { gateRoutes } from './gates/routes'
import { type MessagingInfo, notifyRoutes, unsubscribeRoutes } from './notify/routes'
import { kbRoutes } from './kb/routes'
import { accessLog, type LogEnv } from './http/access-log'
import { bodyCap } from './http/body-cap'
import { problemResponse } from './http/problem'
import { sameOrigin } from './http/same-origin'
import { noStore, securityHeaders } from './http/security-headers'
import type { LlmProvider } from './llm/provider'
import { openApiDocument } from './openapi'
import { APP_OPS } from './app-ops'
import type { Policy } from './policy/load'
import { policyView } from './policy/view'
import { seoRoutes } from './seo/routes'
import { usageRoutes } from './usage/routes'
import { briefRunRoutes, gateDecisionRoutes, runRoutes } from './runs/routes'
import { refuse } from './refusals'
import { createLog, type Log } from './log'
import { handoffRoutes, outboxRoutes } from './handoff/routes'

/** An operation's path as mounted on the /api router below. */
const underApi = (op: { path: string }) => op.path.replace(/^\/api/, '')

export type AppDeps = {
  db: Database
  provider: LlmProvider
  policy: Policy
  /** Called after a job is queued, so an in-process worker starts at once. */
  onJobQueued?: () => void
  /** Built UI to serve at /; omitted in API-only tests. */
  webDist?: string
  cookieSecure?: 'auto' | 'true' | 'false'
  /** Behind a TLS proxy: X-Forwarded-Proto/Host name our origin for the cross-origin check. */
  trustProxy?: boolean
  /** Idle and absolute session timeouts (COPYDESK_SESSION_IDLE_MINUTES, COPYDESK_SESSION_MAX_HOURS). */
  session?: { idleMinutes: number; maxHours: number }
  /** The server's log (server/log.ts); standard output when omitted. */
  log?: Log
  /** What this server sends (COPYDESK_SMTP_URL, a Telegram bot) and the digest's zone, as the settings screen says. */
  messaging?: MessagingInfo
}

export function createApp(deps: AppDeps) {
  const { sql } = deps.db
  const log = deps.log ?? createLog()
  const queued = deps.onJobQueued ?? (() => {})
  const secureCookie = (url: string) => deps.cookieSecure === 'true' || (deps.cookieSecure !== 'false' && url.startsWith('https:'))

  const app = new Hono<AuthEnv & LogEnv>()
  app.use(requestId())
  app.use(accessLog(log))
  app.use(securityHeaders())
  app.use(bodyCap())
  app.onError((err, c) => problemResponse(err, c, log))

  const api = new Hono<AuthEnv & LogEnv>()
  api.use(noStore)
  // Before the session is looked up: a forged request never gets as far as its cookie.
  api.use(sameOrigin({ trustProxy: deps.trustProxy ?? false }))
  api.use(sessionUser(sql, deps.session))
  api.get(underApi(APP_OPS.health), async (c) => {
    await ping(sql)
    return c.json({ ok: true, db: deps.db.kind, engine: deps.provider.engine })
  })
  api.get(underApi(APP_OPS.openapi), (c) => c.json(openApiDocument()))
  api.route('/auth', authRoutes(sql, { secureCookie, trustProxy: deps.trustProxy ?? false, session: deps.session }))
  api.get(underApi(APP_OPS.me), requireUser(), (c) => c.json(toMe(c.get('user'))))
  api.get(underApi(APP_OPS.policy), requireUser(), (c) => c.json(policyView(deps.policy)))
  api.route('/briefs', briefRoutes(sql, deps.policy))
  api.route('/briefs', briefRunRoutes(sql, deps.policy, queued))
  api.route('/runs', runRoutes(sql, deps.policy, queued))
  const comments = commentRoutes(sql, deps.policy)
  api.route('/runs', comments.run)
  api.route('/threads', comments.threads)
  api.route('/seo', seoRoutes())
  api.route('/usage', usageRoutes(sql, deps.policy))
  api.route('/gates', gateDecisionRoutes(sql, deps.policy, queued))
  api.route('/', gateRoutes(sql, deps.policy))
  api.route('/kb', kbRoutes(sql, deps.policy))
  api.route('/handoffs', handoffRoutes(sql, deps.policy))
  api.route('/outbox', outboxRoutes(sql, deps.policy, queued))
  api.route('/', notifyRoutes(sql, deps.messaging ?? { emailOn: false, telegramOn: false, timeZone: 'UTC' }))
  api.all('*', () => {
    throw refuse('not_found.endpoint')
  })
  // before the API: mail providers post the one-click unsubscribe from elsewhere
  app.route('/api/notifications/unsubscribe', unsubscribeRoutes(sql))
  app.route('/api', api)

  if (deps.webDist && fs.existsSync(path.join(deps.webDist, 'index.html'))) {
    const root = path.relative(process.cwd(), deps.webDist) || '.'
    const index = fs.readFileSync(path.join(deps.webDist, 'index.html'), 'utf8')
    app.use('/assets/*', serveStatic({ root }))
    app.use('*', serveStatic({ root }))
    // Client-side routes (/runs/123) get the app shell.
    app.get('*', (c) => c.html(index))
  }
  return app
}
