import { z } from 'zod'
import type { UsageSummary } from '../../contracts/usage'
import type { Queryable } from '../db/connect'
import type { Scope } from './period'

// a sum over no rows is null (the grand total of an empty period): zero here
const total = z
  .number()
  .nullable()
  .transform((n) => n ?? 0)
// a column a grouping set leaves out is '' in its rows (coalesced; the table's columns are not null)
const key = z.string()
const Row = z.object({
  bucket: key,
  user_id: key,
  team: key,
  kind: key,
  engine: key,
  model: key,
  prompt_id: key,
  prompt_version: key,
  g: z.number(),
  calls: total,
  failed: total,
  tokens_in: total,
  tokens_out: total,
  cost_usd: total,
  unknown_cost: total,
  offline_calls: total,
})
type Row = z.infer<typeof Row>
type Sums = Pick<Row, 'calls' | 'failed' | 'tokens_in' | 'tokens_out' | 'cost_usd'>

/**
 * Model calls and their cost in a period, from the daily rollup of the audit log (never a scan
 * of the log itself), in one pass: totals, a series by day or month, and the breakdowns the
 * CMO asks for, as grouping sets of the same rows.
 */
export async function usageSummary(db: Queryable, s: Scope): Promise<UsageSummary> {
  const bucket = s.bucket === 'day' ? db`to_char(day, 'YYYY-MM-DD')` : db`to_char(day, 'YYYY-MM')`
  const rows = z.array(Row).parse(
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
      ${s.userId ? db`and user_id = ${s.userId}` : db``}
      ${s.team ? db`and team = ${s.team}` : db``}
      ${s.kind ? db`and kind = ${s.kind}` : db``}
    group by grouping sets ((), (${bucket}), (user_id, team), (team), (kind), (engine, model), (prompt_id, prompt_version))`,
  )
  // grouping() has one bit per column, the first column the highest: a set's rows have its columns' bits clear
  const ALL = 0b11111111
  const set = (...cols: number[]) => rows.filter((r) => r.g === ALL - cols.reduce((m, c) => m | (1 << (7 - c)), 0))
  const byCost = (a: Sums, b: Sums) => b.cost_usd - a.cost_usd || b.calls - a.calls
  const sums = (r: Sums) => ({ calls: r.calls, failed: r.failed, tokensIn: r.tokens_in, tokensOut: r.tokens_out, costUsd: r.cost_usd })
  const all = set()[0]
  const users = byUser(set(1, 2).sort(byCost))
  const ids = users.map((u) => u.userId)
  const emails = new Map(
    ids.length
      ? z
          .array(z.object({ id: z.string(), email: z.string() }))
          .parse(await db`select id::text as id, email from users where id = any(${ids}::uuid[])`)
          .map((u) => [u.id, u.email])
      : [],
  )
  return {
    period: { from: s.from, to: s.to, bucket: s.bucket },
    totals: {
      ...sums(all ?? { calls: 0, failed: 0, tokens_in: 0, tokens_out: 0, cost_usd: 0 }),
      unknownCostCalls: all?.unknown_cost ?? 0,
      users: users.length,
    },
    series: set(0)
      .sort((a, b) => a.bucket.localeCompare(b.bucket))
      .map((r) => ({ bucket: r.bucket, calls: r.calls, costUsd: r.cost_usd, offlineCalls: r.offline_calls })),
    byUser: users
      .map((u) => ({ key: u.userId, label: emails.get(u.userId) ?? u.userId, team: u.teams.join(', '), ...sums(u.row) }))
      .sort((a, b) => b.costUsd - a.costUsd || b.calls - a.calls),
    byTeam: set(2)
      .sort(byCost)
      .map((r) => ({ key: r.team, label: r.team, ...sums(r) })),
    byKind: set(3)
      .sort(byCost)
      .map((r) => ({ key: r.kind, label: r.kind, ...sums(r) })),
    byModel: set(4, 5)
      .sort(byCost)
      .map((r) => ({ key: r.model, label: r.model, engine: r.engine, ...sums(r) })),
    byPrompt: set(6, 7)
      .filter((r) => r.prompt_id !== '')
      .sort(byCost)
      .map((r) => ({
        key: `${r.prompt_id}@${r.prompt_version}`,
        label: `${r.prompt_id} ${r.prompt_version}`,
        promptId: r.prompt_id,
        promptVersion: r.prompt_version,
        ...sums(r),
      })),
  }
}

/** A user's rows per team (someone who moved team has two) as one row, their teams by cost. */
function byUser(rows: Row[]): { userId: string; teams: string[]; row: Row }[] {
  const out = new Map<string, { userId: string; teams: string[]; row: Row }>()
  for (const r of rows) {
    const u = out.get(r.user_id)
    if (!u) {
      out.set(r.user_id, { userId: r.user_id, teams: [r.team], row: { ...r } })
      continue
    }
    u.teams.push(r.team)
    for (const k of ['calls', 'failed', 'tokens_in', 'tokens_out', 'cost_usd'] as const) u.row[k] += r[k]
  }
  return [...out.values()]
}
