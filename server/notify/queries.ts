import { z } from 'zod'
import { NotificationSettingsInput } from '../../contracts/notifications'
import { JobProgress } from '../jobs/queries'
import type { Queryable } from '../db/connect'

/** Records whether this deployment sends e-mail; events fan out to e-mail only while it does. */
export type Channel = 'email' | 'events' | 'chat' | 'telegram'

export async function setChannel(db: Queryable, channel: Channel, enabled: boolean): Promise<void> {
  await db`insert into notify_channels (channel, enabled) values (${channel}, ${enabled})
    on conflict (channel) do update set enabled = excluded.enabled, updated_at = now()`
}

/**
 * The fan-out of one event, in its transaction and one statement: a `notify` job per recipient who
 * is active and wants e-mail at once, while e-mail is on. How many were queued.
 */
export async function enqueueNotifications(
  db: Queryable,
  n: { runId: string; eventId: string; userIds: readonly string[] },
): Promise<number> {
  if (n.userIds.length === 0) return 0
  const rows = await db`insert into jobs (run_id, type, payload)
    select ${n.runId}, 'notify', jsonb_build_object('eventId', ${n.eventId}::text, 'userId', u.id, 'channel', 'email')
    from users u left join notification_settings s on s.user_id = u.id
    where u.id = any(${[...n.userIds]}::uuid[]) and u.disabled_at is null and coalesce(s.email, 'immediate') = 'immediate'
      and exists (select 1 from notify_channels c where c.channel = 'email' and c.enabled)
    returning id`
  return rows.length
}

/** One delivery of an event to each of these team channels that the server has on; how many. */
export async function enqueueChannelDeliveries(
  db: Queryable,
  d: { runId: string; eventId: string; channels: readonly Channel[] },
): Promise<number> {
  if (d.channels.length === 0) return 0
  const rows = await db`insert into jobs (run_id, type, payload)
    select ${d.runId}, 'deliver', jsonb_build_object('eventId', ${d.eventId}::text, 'destination', c.channel)
    from notify_channels c where c.enabled and c.channel = any(${[...d.channels]}) order by c.channel
    returning id`
  return rows.length
}

/** Who reviews a gate now: its assignee, or everyone active holding its role; never the run's author. */
export async function selectGateReviewers(db: Queryable, gateId: string): Promise<string[]> {
  const rows = z.array(z.object({ id: z.string() })).parse(
    await db`select u.id from gates g join runs r on r.id = g.run_id join users u
        on (g.assignee_id is not null and u.id = g.assignee_id) or (g.assignee_id is null and g.role = any(u.roles))
      where g.id = ${gateId} and u.disabled_at is null and u.id <> r.author_id`,
  )
  return rows.map((r) => r.id)
}

export const Notify = z.object({ eventId: z.string(), userId: z.string(), channel: z.literal('email') })

const Recipient = z.object({
  email: z.string(),
  lang: z.enum(['ru', 'en']),
  unsubscribe_token: z.string(),
  wants: z.boolean(),
  payload: z.record(z.string(), z.unknown()),
  type: z.string(),
})
export type Recipient = z.infer<typeof Recipient>

/**
 * What one notification needs: the event, and its recipient's address, language and unsubscribe
 * secret (their settings row is made on first use). `wants`: still active and still wanting e-mail.
 */
export async function selectRecipient(db: Queryable, n: { eventId: string; userId: string }): Promise<Recipient | undefined> {
  await db`insert into notification_settings (user_id) values (${n.userId}) on conflict (user_id) do nothing`
  const rows = await db`select u.email, s.lang, s.unsubscribe_token, (u.disabled_at is null and s.email = 'immediate') as wants,
      e.payload, e.type
    from users u join notification_settings s on s.user_id = u.id join events e on e.id = ${n.eventId}
    where u.id = ${n.userId}`
  return rows[0] ? Recipient.parse(rows[0]) : undefined
}

const Settings = NotificationSettingsInput
type Settings = z.infer<typeof Settings>

export async function selectSettings(db: Queryable, userId: string): Promise<Settings> {
  const rows = await db`select email, lang from notification_settings where user_id = ${userId}`
  return rows[0] ? Settings.parse(rows[0]) : { email: 'immediate', lang: 'ru' }
}

export async function upsertSettings(db: Queryable, userId: string, s: Settings): Promise<void> {
  await db`insert into notification_settings (user_id, email, lang) values (${userId}, ${s.email}, ${s.lang})
    on conflict (user_id) do update set email = excluded.email, lang = excluded.lang, updated_at = now()`
}

/** One-click unsubscribe: e-mail off for the holder of the token; their id, or undefined for an unknown token. */
export async function unsubscribeByToken(db: Queryable, token: string): Promise<string | undefined> {
  const rows = await db`update notification_settings set email = 'off', updated_at = now()
    where unsubscribe_token = ${token} returning user_id`
  return rows[0] ? z.object({ user_id: z.string() }).parse(rows[0]).user_id : undefined
}

const OutboxRow = JobProgress.extend({ event_id: z.string(), type: z.string().nullable(), recipient: z.string().nullable() })
export type OutboxRow = z.infer<typeof OutboxRow>

/** The latest notifications, newest first: what an admin checks when someone says they got nothing. */
export async function selectOutbox(db: Queryable, limit: number): Promise<OutboxRow[]> {
  return z.array(OutboxRow).parse(
    await db`select j.id, j.run_id, j.payload ->> 'eventId' as event_id, e.type, u.email as recipient, j.status, j.attempts,
        j.last_error, j.not_before, j.created_at, j.updated_at
      from jobs j left join events e on e.id = j.payload ->> 'eventId' left join users u on u.id::text = j.payload ->> 'userId'
      where j.type = 'notify' order by j.id desc limit ${limit}`,
  )
}

const OverdueGate = z.object({
  id: z.string(),
  run_id: z.string(),
  gate: z.string(),
  role: z.string(),
  escalate_to: z.string().nullable(),
  due_at: z.coerce.date(),
  author_id: z.string(),
  title: z.string(),
  kind: z.string(),
})
export type OverdueGate = z.infer<typeof OverdueGate>

/** Open gates past their due date that nobody has been told of yet, oldest due first. */
export async function selectUnannouncedOverdue(db: Queryable, limit: number): Promise<OverdueGate[]> {
  return z.array(OverdueGate).parse(
    await db`select g.id, g.run_id, g.gate, g.role, g.escalate_to, g.due_at, r.author_id, b.title, b.kind
      from gates g join runs r on r.id = g.run_id join briefs b on b.id = r.brief_id
      where g.status = 'open' and g.due_at < now() and not exists (select 1 from events e where e.id = 'gate.overdue:' || g.id::text)
      order by g.due_at limit ${limit}`,
  )
}

/** Everyone active holding `role`, but the run's author. */
export async function selectRoleHolders(db: Queryable, role: string, exceptId: string): Promise<string[]> {
  const rows = z
    .array(z.object({ id: z.string() }))
    .parse(await db`select id from users where ${role} = any(roles) and disabled_at is null and id <> ${exceptId}`)
  return rows.map((r) => r.id)
}
