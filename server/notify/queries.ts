import { z } from 'zod'
import { NotificationPrefs } from '../../contracts/notifications'
import { JobProgress } from '../jobs/queries'
import type { Queryable } from '../db/connect'

/**
 * The channels a deployment has on: e-mail, a bot writing to people (`telegram_dm`), and the
 * team-wide ones (a signed events webhook, a chat webhook, a Telegram team chat).
 */
export type Channel = 'email' | 'events' | 'chat' | 'telegram' | 'telegram_dm'

/** Records whether this deployment sends on a channel; events fan out only to channels that are on. */
export async function setChannel(db: Queryable, channel: Channel, enabled: boolean): Promise<void> {
  await db`insert into notify_channels (channel, enabled) values (${channel}, ${enabled})
    on conflict (channel) do update set enabled = excluded.enabled, updated_at = now()`
}

/**
 * The fan-out of one event to people, in its transaction and one statement: for each recipient who
 * is active, on each of their channels this server has on (e-mail; Telegram once they gave a chat),
 * a `notify` job when they want it at once, or an item held for their daily digest. Without a
 * settings row: e-mail at once, no Telegram. How many were queued and held.
 */
export async function enqueueNotifications(
  db: Queryable,
  n: { runId: string; eventId: string; userIds: readonly string[] },
): Promise<{ queued: number; held: number }> {
  if (n.userIds.length === 0) return { queued: 0, held: 0 }
  const [row] = await db`with recipients as (
      select u.id as user_id, ch.channel,
        case ch.channel when 'email' then coalesce(s.email, 'immediate') else coalesce(s.telegram, 'off') end as mode
      from users u left join notification_settings s on s.user_id = u.id
        cross join (values ('email', 'email'), ('telegram', 'telegram_dm')) as ch (channel, server_channel)
      where u.id = any(${[...n.userIds]}::uuid[]) and u.disabled_at is null
        and (ch.channel = 'email' or s.telegram_chat_id is not null)
        and exists (select 1 from notify_channels c where c.channel = ch.server_channel and c.enabled)
    ), queued as (
      insert into jobs (run_id, type, payload)
      select ${n.runId}, 'notify', jsonb_build_object('eventId', ${n.eventId}::text, 'userId', user_id, 'channel', channel)
      from recipients where mode = 'immediate' order by user_id, channel
      returning id
    ), held as (
      insert into digest_items (user_id, channel, event_id)
      select user_id, channel, ${n.eventId} from recipients where mode = 'digest'
      on conflict do nothing returning id
    )
    select (select count(*) from queued)::int as queued, (select count(*) from held)::int as held`
  return z.object({ queued: z.number(), held: z.number() }).parse(row)
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

/** A notify job: one event to one person on one channel, or (`digest`) what was held for their digest. */
export const Notify = z.object({
  eventId: z.string(),
  userId: z.string(),
  channel: z.enum(['email', 'telegram']),
  digest: z.boolean().optional(),
})
export type Notify = z.infer<typeof Notify>

const Recipient = z.object({
  email: z.string(),
  lang: z.enum(['ru', 'en']),
  unsubscribe_token: z.string(),
  telegram_chat_id: z.string().nullable(),
  wants: z.boolean(),
  payload: z.record(z.string(), z.unknown()),
  type: z.string(),
})
export type Recipient = z.infer<typeof Recipient>

/**
 * What one notification needs: the event, and its recipient's address, chat, language and
 * unsubscribe secret (their settings row is made on first use). `wants`: still active and still
 * wanting this channel (at once or in a digest: a digest already made is sent).
 */
export async function selectRecipient(db: Queryable, n: Notify): Promise<Recipient | undefined> {
  await db`insert into notification_settings (user_id) values (${n.userId}) on conflict (user_id) do nothing`
  const rows = await db`select u.email, s.lang, s.unsubscribe_token, s.telegram_chat_id,
      (u.disabled_at is null and case ${n.channel} when 'email' then s.email else s.telegram end <> 'off'
        and (${n.channel} = 'email' or s.telegram_chat_id is not null)) as wants,
      e.payload, e.type
    from users u join notification_settings s on s.user_id = u.id join events e on e.id = ${n.eventId}
    where u.id = ${n.userId}`
  return rows[0] ? Recipient.parse(rows[0]) : undefined
}

/** The events a digest job carries, oldest first. */
export async function selectDigestEvents(db: Queryable, jobId: number): Promise<Record<string, unknown>[]> {
  const rows = await db`select e.payload from digest_items i join events e on e.id = i.event_id where i.job_id = ${jobId} order by i.id`
  return z
    .array(z.object({ payload: z.record(z.string(), z.unknown()) }))
    .parse(rows)
    .map((r) => r.payload)
}

const Waiting = z.object({ user_id: z.string(), channel: z.enum(['email', 'telegram']) })

/** People and channels with items held and a digest hour at or before `hour`, who had none on `day`. */
export async function selectDigestsDue(db: Queryable, at: { day: string; hour: number }): Promise<z.infer<typeof Waiting>[]> {
  return z.array(Waiting).parse(
    await db`select distinct i.user_id, i.channel from digest_items i join notification_settings s on s.user_id = i.user_id
      where i.job_id is null and s.digest_hour <= ${at.hour}
        and not exists (select 1 from digest_sends d where d.user_id = i.user_id and d.channel = i.channel and d.day = ${at.day}::date)`,
  )
}

/**
 * Makes the day's digest of one person on one channel: claims the day (a second worker gets
 * nothing), queues one `notify` job anchored on the newest held event, and gives it every held
 * item. False when the day was taken or nothing is held any more.
 */
export async function queueDigest(db: Queryable, d: { userId: string; channel: 'email' | 'telegram'; day: string }): Promise<boolean> {
  const claimed = await db`insert into digest_sends (user_id, channel, day) values (${d.userId}, ${d.channel}, ${d.day}::date)
    on conflict do nothing returning day`
  if (claimed.length === 0) return false
  const [job] = await db`insert into jobs (run_id, type, payload)
    select e.run_id, 'notify', jsonb_build_object('eventId', e.id, 'userId', ${d.userId}::text, 'channel', ${d.channel}::text, 'digest', true)
    from digest_items i join events e on e.id = i.event_id
    where i.user_id = ${d.userId} and i.channel = ${d.channel} and i.job_id is null
    order by i.id desc limit 1
    returning id`
  if (!job) return false
  await db`update digest_items set job_id = ${job.id} where user_id = ${d.userId} and channel = ${d.channel} and job_id is null`
  await db`update digest_sends set job_id = ${job.id} where user_id = ${d.userId} and channel = ${d.channel} and day = ${d.day}::date`
  return true
}

const Settings = NotificationPrefs
type Settings = z.infer<typeof Settings>
const DEFAULT_SETTINGS: Settings = { email: 'immediate', telegram: 'off', telegramChatId: null, digestHour: 9, lang: 'ru' }

export async function selectSettings(db: Queryable, userId: string): Promise<Settings> {
  const rows = await db`select email, telegram, telegram_chat_id as "telegramChatId", digest_hour as "digestHour", lang
    from notification_settings where user_id = ${userId}`
  return rows[0] ? Settings.parse(rows[0]) : DEFAULT_SETTINGS
}

export async function upsertSettings(db: Queryable, userId: string, s: Settings): Promise<void> {
  await db`insert into notification_settings (user_id, email, telegram, telegram_chat_id, digest_hour, lang)
    values (${userId}, ${s.email}, ${s.telegram}, ${s.telegramChatId}, ${s.digestHour}, ${s.lang})
    on conflict (user_id) do update set email = excluded.email, telegram = excluded.telegram, telegram_chat_id = excluded.telegram_chat_id,
      digest_hour = excluded.digest_hour, lang = excluded.lang, updated_at = now()`
}

/** One-click unsubscribe: e-mail off for the holder of the token; their id, or undefined for an unknown token. */
export async function unsubscribeByToken(db: Queryable, token: string): Promise<string | undefined> {
  const rows = await db`update notification_settings set email = 'off', updated_at = now()
    where unsubscribe_token = ${token} returning user_id`
  return rows[0] ? z.object({ user_id: z.string() }).parse(rows[0]).user_id : undefined
}

const OutboxRow = JobProgress.extend({
  event_id: z.string(),
  type: z.string().nullable(),
  channel: z.enum(['email', 'telegram']),
  recipient: z.string().nullable(),
})
export type OutboxRow = z.infer<typeof OutboxRow>

/** The latest notifications, newest first: what an admin checks when someone says they got nothing. */
export async function selectOutbox(db: Queryable, limit: number): Promise<OutboxRow[]> {
  return z.array(OutboxRow).parse(
    await db`select j.id, j.run_id, j.payload ->> 'eventId' as event_id,
        case when j.payload ->> 'digest' = 'true' then 'digest' else e.type end as type, j.payload ->> 'channel' as channel,
        u.email as recipient, j.status, j.attempts,
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
