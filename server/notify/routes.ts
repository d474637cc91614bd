import { Hono } from 'hono'
import { z } from 'zod'
import { appendAudit } from '../audit/append'
import { requireRole, requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { refuse } from '../refusals'
import { op } from '../http/op'
import { jsonBody, parseOr400 } from '../http/validate'
import { NotificationItem, NotificationSettings, NotificationSettingsInput } from '../../contracts/notifications'
import { selectOutbox, selectSettings, unsubscribeByToken, upsertSettings } from './queries'

const Unsubscribe = z.object({ token: z.string().regex(/^[0-9a-f]{64}$/, 'an unsubscribe link holds a 64-character token') })

export const NOTIFY_OPS = {
  settings: op({ method: 'get', path: '/api/me/notifications', summary: 'My notification settings', response: NotificationSettings }),
  saveSettings: op({
    method: 'put',
    path: '/api/me/notifications',
    summary: 'Set how I hear of my work: e-mail and Telegram (immediate, daily digest or off), my chat, the digest hour, the language',
    body: NotificationSettingsInput,
    response: NotificationSettings,
  }),
  outbox: op({
    method: 'get',
    path: '/api/notifications',
    summary: 'The latest notifications: recipient, status, attempts, last error (admin)',
    response: z.array(NotificationItem),
  }),
}

/** The unsubscribe link of every e-mail (served before the API, outside its same-origin rule). */
export const UNSUBSCRIBE_OPS = {
  ask: op({
    method: 'get',
    path: '/api/notifications/unsubscribe',
    summary: 'The page an unsubscribe link opens: it asks, and changes nothing',
    query: Unsubscribe,
    response: z.string(),
    auth: false,
  }),
  confirm: op({
    method: 'post',
    path: '/api/notifications/unsubscribe',
    summary: 'Switch e-mail off for the holder of the link (RFC 8058 one-click)',
    query: Unsubscribe,
    response: z.string(),
    auth: false,
  }),
}

/** What this server can send, as the settings screen says it. */
export type MessagingInfo = { emailOn: boolean; telegramOn: boolean; timeZone: string }

/** /api/me/notifications and /api/notifications (admin). */
export function notifyRoutes(sql: Sql, server: MessagingInfo) {
  return new Hono<AuthEnv>()
    .use(requireUser())
    .get('/me/notifications', async (c) => c.json({ ...(await selectSettings(sql, c.get('user').id)), ...server }))
    .put('/me/notifications', async (c) => {
      const change = await jsonBody(c, NOTIFY_OPS.saveSettings.body)
      const user = c.get('user')
      const settings = await sql.begin(async (tx) => {
        const merged = { ...(await selectSettings(tx, user.id)), ...change }
        // the database refuses it too (notification_settings_telegram_chat); said here in words
        if (merged.telegram !== 'off' && !merged.telegramChatId)
          throw refuse('notify.telegram_chat_needed', {}, [{ path: 'telegramChatId', message: 'a numeric chat id or an @username' }])
        await upsertSettings(tx, user.id, merged)
        await appendAudit(tx, { actorId: user.id, action: 'notifications.set', data: merged })
        return merged
      })
      return c.json({ ...settings, ...server })
    })
    .get('/notifications', requireRole('admin'), async (c) =>
      c.json(
        (await selectOutbox(sql, 200)).map((r) => ({
          id: r.id,
          runId: r.run_id,
          eventId: r.event_id,
          type: r.type,
          channel: r.channel,
          recipient: r.recipient,
          status: r.status,
          attempts: r.attempts,
          lastError: r.last_error,
          nextAttemptAt: r.not_before,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        })),
      ),
    )
}

const page = (ru: string, en: string, form?: string) =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>Copydesk</title></head><body style="font-family:system-ui;max-width:36rem;margin:3rem auto;padding:0 1rem">` +
  `<p>${ru}</p><p lang="en">${en}</p>${form ?? ''}</body></html>`

/**
 * The unsubscribe link of every e-mail, outside the API's same-origin rule: mail providers POST
 * it from their own servers (RFC 8058 one-click), and the secret in the link is all it takes. A
 * GET only asks (link scanners open links), a POST switches e-mail off. Mounted before the API.
 */
export function unsubscribeRoutes(sql: Sql) {
  const token = (c: { req: { query(k: string): string | undefined } }) =>
    parseOr400(Unsubscribe, { token: c.req.query('token') ?? '' }, 'the link').token
  return new Hono()
    .get('/', (c) => {
      const t = token(c)
      return c.html(
        page(
          'Отписаться от писем Copydesk?',
          'Unsubscribe from Copydesk e-mails?',
          `<form method="post" action="?token=${t}"><button type="submit">Отписаться / Unsubscribe</button></form>`,
        ),
      )
    })
    .post('/', async (c) => {
      const userId = await sql.begin(async (tx) => {
        const id = await unsubscribeByToken(tx, token(c))
        if (id) await appendAudit(tx, { actorId: id, action: 'notifications.set', data: { email: 'off', via: 'unsubscribe link' } })
        return id
      })
      if (!userId) throw refuse('notify.unsubscribe_unknown')
      return c.html(
        page(
          'Готово: писем больше не будет. Включить снова можно в профиле.',
          'Done: no more e-mails. Switch them back on in your profile.',
        ),
      )
    })
}
