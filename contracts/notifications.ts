import { z } from 'zod'
import { HandoffDelivery } from './handoff'

/** How a person hears of their work on one channel: each message at once, a daily digest, or nothing. */
export const DeliveryMode = z.enum(['immediate', 'digest', 'off'])
export type DeliveryMode = z.infer<typeof DeliveryMode>

/** A Telegram chat: a numeric chat id (the person's chat with the bot) or a public channel's @username. */
export const TelegramChatId = z
  .string()
  .trim()
  .regex(/^(-?[0-9]{1,20}|@[A-Za-z0-9_]{5,32})$/, "a numeric chat id (e.g. 123456789) or a public channel's @username")

/** What a person chose; the digest goes out once a day at `digestHour` in the server's time zone. */
export const NotificationPrefs = z.object({
  email: DeliveryMode,
  telegram: DeliveryMode,
  telegramChatId: TelegramChatId.nullable(),
  digestHour: z.number().int().min(0).max(23),
  lang: z.enum(['ru', 'en']),
})

/** PUT /api/me/notifications: what to change; a field left out keeps its value. */
export const NotificationSettingsInput = NotificationPrefs.partial()

/** GET /api/me/notifications: my choices, and what this server can send at all. */
export const NotificationSettings = NotificationPrefs.extend({
  emailOn: z.boolean().describe('whether this server sends e-mail at all (COPYDESK_SMTP_URL)'),
  telegramOn: z.boolean().describe('whether this server has a Telegram bot (COPYDESK_TELEGRAM_BOT_TOKEN)'),
  timeZone: z.string().describe('the zone of the digest hour (COPYDESK_TIMEZONE)'),
})
export type NotificationSettings = z.infer<typeof NotificationSettings>

/** GET /api/notifications (admin): one message of a review event (or a digest) to one person, as the queue holds it. */
export const NotificationItem = HandoffDelivery.omit({ destination: true }).extend({
  type: z.string().nullable().describe("the event's type, or 'digest' for a daily digest"),
  channel: z.enum(['email', 'telegram']),
  recipient: z.string().nullable(),
})
export type NotificationItem = z.infer<typeof NotificationItem>
