// The dashboard's views, from the daily rollups of migration 004 (never a scan of the log
// itself), and the open gates of now.
import { z } from 'zod'
import type { Queryable } from '../db/connect'
import { iso } from '../db/columns'
import type { Scope } from './period'

/** A rollup table's rows in the scope's user, team and kind (its period is the caller's). */
const rollupFilter = (db: Queryable, s: Scope) => db`${s.userId ? db`and user_id = ${s.userId}` : db``}
      ${s.team ? db`and team = ${s.team}` : db``}
      ${s.kind ? db`and kind = ${s.kind}` : db``}`

// a sum over no rows is null (the grand total of an empty period): zero here
const sumOrZero = z
  .number()
  .nullable()
  .transform((n) => n ?? 0)

// ---- model calls and their cost (ai_usage_daily)

// a column a grouping set leaves out is '' in its rows (coalesced; the table's columns are not null)
const key = z.string()
const UsageRow = z.object({
  bucket: key,
  user_id: key,
  team: key,
  kind: key,
  engine: key,
  model: key,
  prompt_id: key,
  prompt_version: key,
  g: z.number(),
  calls: sumOrZero,
  failed: sumOrZero,
  tokens_in: sumOrZero,
  tokens_out: sumOrZero,
  cost_usd: sumOrZero,
  unknown_cost: sumOrZero,
  offline_calls: sumOrZero,
})
export type UsageRow = z.infer<typeof UsageRow>

/**
 * Calls, tokens and cost in the scope, in one pass: the total, by day or month (`bucket`), and by
 * user and team, team, kind, model and prompt, as grouping sets; `g` is grouping() of the
 * eight key columns, the first the highest bit.
 */
export async function selectUsageRows(db: Queryable, s: Scope): Promise<UsageRow[]> {
  const bucket = s.bucket === 'day' ? db`to_char(day, 'YYYY-MM-DD')` : db`to_char(day, 'YYYY-MM')`
  return z.array(UsageRow).parse(
    await db`
    select coalesce(${bucket}, '') as bucket, coalesce(user_id::text, '') as user_id, coalesce(team, '') as team,
      coalesce(kind, '') as kind, coalesce(engine, '') as engine, coalesce(model, '') as model,
      coalesce(prompt_id, '') as prompt_id, coalesce(prompt_version, '') as prompt_version,
      grouping(${bucket}, user_id, team, kind, engine, model, prompt_id, prompt_version) as g,
      sum(calls)::int as calls, sum(failed)::int as failed, sum(tokens_in)::float8 as tokens_in, sum(tokens_out)::float8 as tokens_out,
      sum(cost_usd)::float8 as cost_usd, sum(unknown_cost)::int as unknown_cost,
      coalesce(sum(calls) filter (where engine = 'offline'), 0)::int as offline_calls
    from ai_usage_daily
    where day >= ${s.from} and day < ${s.until}
      ${rollupFilter(db, s)}
    group by grouping sets ((), (${bucket}), (user_id, team), (team), (kind), (engine, model), (prompt_id, prompt_version))`,
  )
}

// ---- runs by outcome (run_stats_daily)

export const ApprovalRow = z.object({
  kind: z.string(),
  total: z.number(),
  runs: sumOrZero,
  approved: sumOrZero,
  rejected: sumOrZero,
  failed: sumOrZero,
  without_rework: sumOrZero,
  edited: sumOrZero,
  ai_share_sum: sumOrZero,
})
export type ApprovalRow = z.infer<typeof ApprovalRow>

/** Runs started in the scope by outcome: one row per kind (`total` 0) and the rollup over all kinds (`total` 1, kind ''). */
export async function selectApprovalRows(db: Queryable, s: Scope): Promise<ApprovalRow[]> {
  return z.array(ApprovalRow).parse(
    await db`
    select coalesce(kind, '') as kind, grouping(kind) as total, sum(runs)::int as runs, sum(approved)::int as approved,
      sum(rejected)::int as rejected, sum(failed)::int as failed, sum(without_rework)::int as without_rework,
      sum(edited_finals)::int as edited, sum(ai_share_sum)::float8 as ai_share_sum
    from run_stats_daily
    where day >= ${s.from} and day < ${s.until}
      ${rollupFilter(db, s)}
    group by rollup (kind) order by total desc, runs desc`,
  )
}

// ---- what the policy stopped (policy_events_daily)

const BlockedRow = z.object({ event: z.string(), detail: z.string(), n: z.number() })
export type BlockedRow = z.infer<typeof BlockedRow>

/** Policy events in the scope, by event and detail, the most frequent first. */
export async function selectBlockedRows(db: Queryable, s: Scope): Promise<BlockedRow[]> {
  return z.array(BlockedRow).parse(
    await db`select event, detail, sum(n)::int as n from policy_events_daily
    where day >= ${s.from} and day < ${s.until}
      ${rollupFilter(db, s)}
    group by event, detail order by n desc, detail`,
  )
}

// ---- gates (gate_stats_daily, and the gates themselves)

const AuthorGateRow = z.object({ gate: z.string(), hours: z.number() })

/** One author's gates decided in the scope's period (and team and kind), each with its hours from opened to decided. */
export async function selectAuthorGateHours(db: Queryable, authorId: string, s: Scope): Promise<z.infer<typeof AuthorGateRow>[]> {
  return z.array(AuthorGateRow).parse(
    await db`select g.gate, extract(epoch from g.decided_at - g.opened_at)::float8 / 3600 as hours
      from gates g join runs r on r.id = g.run_id join briefs b on b.id = r.brief_id
      where r.author_id = ${authorId} and g.decided_at >= ${s.from} and g.decided_at < ${s.until} and g.opened_at is not null
        ${s.team ? db`and r.author_team = ${s.team}` : db``} ${s.kind ? db`and b.kind = ${s.kind}` : db``}`,
  )
}

const rollupRow = (buckets: number) =>
  z.object({ gate: z.string(), decided: z.number(), hours_sum: z.number(), hist: z.array(z.number()).length(buckets) })

/** Gates decided in the scope by gate, from the daily rollup: their count, summed hours and a histogram of `buckets` hour buckets. */
export async function selectGateRollup(
  db: Queryable,
  s: Scope,
  buckets: number,
): Promise<{ gate: string; decided: number; hours_sum: number; hist: number[] }[]> {
  const hist = db.unsafe(`array[${Array.from({ length: buckets }, (_, i) => `sum(hist[${i + 1}])::int`).join(', ')}] as hist`)
  return z.array(rollupRow(buckets)).parse(
    await db`select gate, sum(decided)::int as decided, sum(hours_sum)::float8 as hours_sum, ${hist}
    from gate_stats_daily where day >= ${s.from} and day < ${s.until}
      ${s.team ? db`and team = ${s.team}` : db``} ${s.kind ? db`and kind = ${s.kind}` : db``}
    group by gate`,
  )
}

/** Gates `g` of runs `r` of briefs `b` in the scope's author, team and kind. */
const runFilter = (db: Queryable, s: Scope) => db`${s.userId ? db`and r.author_id = ${s.userId}` : db``}
    ${s.team ? db`and r.author_team = ${s.team}` : db``}
    ${s.kind ? db`and b.kind = ${s.kind}` : db``}`

const OpenRow = z.object({ gate: z.string(), open: z.number(), overdue: z.number() })

/** Open gates by gate, and how many of them are past due at `now`. */
export async function selectOpenGates(db: Queryable, s: Scope, now: Date): Promise<z.infer<typeof OpenRow>[]> {
  // the joins only when a filter needs them: the counts are over every open gate otherwise
  const runs = s.userId || s.team || s.kind ? db`join runs r on r.id = g.run_id join briefs b on b.id = r.brief_id` : db``
  return z.array(OpenRow).parse(
    await db`
    select g.gate, count(*)::int as open, count(*) filter (where g.due_at < ${now})::int as overdue
    from gates g ${runs}
    where g.status = 'open' ${runFilter(db, s)}
    group by g.gate`,
  )
}

const LateRow = z.object({
  id: z.string(),
  run_id: z.string(),
  gate: z.string(),
  role: z.string(),
  due_at: z.coerce.date(),
  assignee: z.string().nullable(),
  title: z.string(),
  author: z.string(),
})

/** Open gates past due at `now`, the most overdue first, at most `limit`, with their brief and the people on them. */
export async function selectOverdueGates(db: Queryable, s: Scope, now: Date, limit: number): Promise<z.infer<typeof LateRow>[]> {
  return z.array(LateRow).parse(
    await db`
    select g.id, g.run_id, g.gate, g.role, g.due_at, u.email as assignee, b.title, a.email as author
    from gates g join runs r on r.id = g.run_id join briefs b on b.id = r.brief_id join users a on a.id = r.author_id
      left join users u on u.id = g.assignee_id
    where g.status = 'open' and g.due_at < ${now} ${runFilter(db, s)}
    order by g.due_at limit ${limit}`,
  )
}

const UnmarkedAd = z.object({ run_id: z.string(), title: z.string(), channel: z.string(), author: z.string(), approved_at: iso })
export type UnmarkedAd = z.infer<typeof UnmarkedAd>

/** Approved runs for these (paid-ad) channels that carry no erid, newest first: ads released before erids were recorded. */
export async function selectUnmarkedAds(db: Queryable, channels: readonly string[], limit = 500): Promise<UnmarkedAd[]> {
  if (channels.length === 0) return []
  return z.array(UnmarkedAd).parse(
    await db`select r.id as run_id, b.title, b.channel, u.email as author, r.approved_at
      from runs r join briefs b on b.id = r.brief_id join users u on u.id = r.author_id
      where r.status = 'approved' and r.erid is null and b.channel = any(${[...channels]})
      order by r.approved_at desc limit ${limit}`,
  )
}
