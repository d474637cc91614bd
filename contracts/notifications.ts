import { z } from 'zod'
import { HandoffDelivery } from './handoff'

/** PUT /api/me/notifications: e-mail of my own work at once or not at all, and its language. */
export const NotificationSettingsInput = z.object({ email: z.enum(['immediate', 'off']), lang: z.enum(['ru', 'en']) })
/** GET /api/me/notifications: the same, and whether this server sends e-mail at all. */
export const NotificationSettings = NotificationSettingsInput.extend({
  emailOn: z.boolean().describe('whether this server sends e-mail at all (COPYDESK_SMTP_URL)'),
})
export type NotificationSettings = z.infer<typeof NotificationSettings>

/** GET /api/notifications (admin): one e-mail of a review event to one person, as the queue holds it. */
export const NotificationItem = HandoffDelivery.omit({ destination: true }).extend({
  type: z.string().nullable(),
  recipient: z.string().nullable(),
})
export type NotificationItem = z.infer<typeof NotificationItem>
