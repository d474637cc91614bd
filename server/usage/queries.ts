import { z } from 'zod'
import type { Queryable } from '../db/connect'
import type { Scope } from './period'

// ---- users

const IdRow = z.object({ id: z.string() })

/** The id of the user with this e-mail (disabled or not); undefined when there is none. */
export async function selectUserIdByEmail(db: Queryable, email: string): Promise<string | undefined> {
  const [u] = z.array(IdRow).parse(await db`select id::text as id from users where email = ${email}`)
  return u?.id
}

const TeamRow = z.object({ team: z.string().nullable() })

/** The user's team; null when they have none (or there is no such user). */
export async function selectUserTeam(db: Queryable, userId: string): Promise<string | null> {
  const [row] = z.array(TeamRow).parse(await db`select team from users where id = ${userId}`)
  return row?.team ?? null
}

const EmailRow = z.object({ id: z.string(), email: z.string() })

/** The e-mails of these users (ids as text). */
export async function selectEmailsByIds(db: Queryable, ids: string[]): Promise<z.infer<typeof EmailRow>[]> {
  return z.array(EmailRow).parse(await db`select id::text as id, email from users where id = any(${ids}::uuid[])`)
}

// ---- model spend (the daily rollup of the audit log, migration 004), days [from, to)

/** An aggregate without GROUP BY: always one row. */
const Spent = z.tuple([z.object({ spent: z.number() })])

/** What the user has spent on models in [from, to). */
export async function selectUserSpend(db: Queryable, userId: string, from: string, to: string): Promise<number> {
  const [{ spent }] = Spent.parse(
    await db`select coalesce(sum(cost_usd), 0)::float8 as spent from ai_usage_daily where user_id = ${userId} and day >= ${from} and day < ${to}`,
  )
  return spent
}

/** What the team has spent on models in [from, to). */
export async function selectTeamSpend(db: Queryable, team: string, from: string, to: string): Promise<number> {
  const [{ spent }] = Spent.parse(
    await db`select coalesce(sum(cost_usd), 0)::float8 as spent from ai_usage_daily where team = ${team} and day >= ${from} and day < ${to}`,
  )
  return spent
}

const UserSpent = z.object({ id: z.string(), email: z.string(), spent: z.number() })

/** Every active user with their spend in [from, to) (0 when none). */
export async function selectUserSpends(db: Queryable, from: string, to: string): Promise<z.infer<typeof UserSpent>[]> {
  return z.array(UserSpent).parse(
    await db`select u.id::text as id, u.email, coalesce(s.spent, 0)::float8 as spent
    from users u left join (select user_id, sum(cost_usd) as spent from ai_usage_daily where day >= ${from} and day < ${to} group by user_id) s
      on s.user_id = u.id
    where u.disabled_at is null`,
  )
}

const TeamSpent = z.object({ team: z.string(), spent: z.number() })

/** Each team's spend in [from, to). */
export async function selectTeamSpends(db: Queryable, from: string, to: string): Promise<z.infer<typeof TeamSpent>[]> {
  return z
    .array(TeamSpent)
    .parse(await db`select team, sum(cost_usd)::float8 as spent from ai_usage_daily where day >= ${from} and day < ${to} group by team`)
}

// aggregates without GROUP BY: always one row
const Refused = z.tuple([z.object({ n: z.number() })])
const Mine = z.tuple([z.object({ calls: z.number(), cost: z.number() })])

/** Model calls refused by a budget in [from, to) (the `llm.refused` rows of the audit log). */
export async function countRefusedCalls(db: Queryable, from: string, to: string): Promise<number> {
  const [refused] = Refused.parse(
    await db`select count(*)::int as n from audit_log where action = 'llm.refused' and at >= ${from} and at < ${to}`,
  )
  return refused.n
}

/** The user's model calls and their cost in [from, to). */
export async function selectUserCalls(db: Queryable, userId: string, from: string, to: string): Promise<{ calls: number; cost: number }> {
  const [mine] = Mine.parse(
    await db`select coalesce(sum(calls), 0)::int as calls, coalesce(sum(cost_usd), 0)::float8 as cost
    from ai_usage_daily where user_id = ${userId} and day >= ${from} and day < ${to}`,
  )
  return mine
}

// ---- the audit log as CSV

// seq is a bigint (postgres.js reads it as a string); a log reaches 2^53 rows long after anyone reads it as CSV
const Seq = z.coerce.number().int()
const Start = z.tuple([z.object({ seq: Seq.nullable() })])
const LogRow = z.object({
  seq: Seq,
  at: z.coerce.date(),
  actor: z.string(),
  action: z.string(),
  run_id: z.string(),
  hash: z.string(),
  data: z.string(),
})
export type LogRow = z.infer<typeof LogRow>

/** The first row of the log at or after `from` (the time index); null when there is none. */
export async function selectFirstLogSeq(db: Queryable, from: string): Promise<number | null> {
  const [start] = Start.parse(await db`select min(seq) as seq from audit_log where at >= ${from}`)
  return start.seq
}

/** Up to `limit` rows of the log after row `after`, in the scope's period and filters, in seq order. */
export async function selectLogBatch(db: Queryable, s: Scope & { action: string | null }, after: number, limit: number): Promise<LogRow[]> {
  return z.array(LogRow).parse(
    await db`select l.seq, l.at, coalesce(u.email, l.actor_id::text, '') as actor, l.action,
          coalesce(l.run_id::text, '') as run_id, l.hash, l.data::text as data
        from audit_log l left join users u on u.id = l.actor_id
        where l.seq > ${after} and l.at >= ${s.from} and l.at < ${s.until}
          ${s.userId ? db`and l.actor_id = ${s.userId}` : db``}
          ${s.team ? db`and u.team = ${s.team}` : db``}
          ${s.action ? db`and l.action = ${s.action}` : db``}
        order by l.seq limit ${limit}`,
  )
}
