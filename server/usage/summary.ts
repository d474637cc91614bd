import type { UsageSummary } from '../../contracts/usage'
import type { Queryable } from '../db/connect'
import type { Scope } from './period'

type Row = Record<string, unknown>

/**
 * Model calls and their cost in a period, from the daily rollup of the audit log (never a scan
 * of the log itself), in one pass: totals, a series by day or month, and the breakdowns the
 * CMO asks for, as grouping sets of the same rows.
 */
export async function usageSummary(db: Queryable, s: Scope): Promise<UsageSummary> {
  const bucket = s.bucket === 'day' ? db`to_char(day, 'YYYY-MM-DD')` : db`to_char(day, 'YYYY-MM')`
  const rows = await db`
    select ${bucket} as bucket, user_id::text as user_id, team, kind, engine, model, prompt_id, prompt_version,
      grouping(${bucket}, user_id, team, kind, engine, model, prompt_id, prompt_version) as g,
      sum(calls)::int as calls, sum(failed)::int as failed, sum(tokens_in)::float8 as tokens_in, sum(tokens_out)::float8 as tokens_out,
      sum(cost_usd)::float8 as cost_usd, sum(unknown_cost)::int as unknown_cost,
      coalesce(sum(calls) filter (where engine = 'offline'), 0)::int as offline_calls
    from ai_usage_daily
    where day >= ${s.from} and day < ${s.until}
      ${s.userId ? db`and user_id = ${s.userId}` : db``}
      ${s.team ? db`and team = ${s.team}` : db``}
      ${s.kind ? db`and kind = ${s.kind}` : db``}
    group by grouping sets ((), (${bucket}), (user_id, team), (team), (kind), (engine, model), (prompt_id, prompt_version))`
  // grouping() has one bit per column, the first column the highest: a set's rows have its columns' bits clear
  const ALL = 0b11111111
  const set = (...cols: number[]) => rows.filter((r) => Number(r.g) === ALL - cols.reduce((m, c) => m | (1 << (7 - c)), 0))
  const byCost = (a: Row, b: Row) => Number(b.cost_usd) - Number(a.cost_usd) || Number(b.calls) - Number(a.calls)
  const sums = (r: Row) => ({
    calls: Number(r.calls),
    failed: Number(r.failed),
    tokensIn: Number(r.tokens_in),
    tokensOut: Number(r.tokens_out),
    costUsd: Number(r.cost_usd),
  })
  const total = set()[0]
  const users = byUser(set(1, 2).sort(byCost))
  const ids = users.map((u) => u.userId)
  const emails = new Map(
    ids.length
      ? (await db`select id::text as id, email from users where id = any(${ids}::uuid[])`).map((u) => [String(u.id), String(u.email)])
      : [],
  )
  return {
    period: { from: s.from, to: s.to, bucket: s.bucket },
    totals: {
      ...sums(total ?? { calls: 0, failed: 0, tokens_in: 0, tokens_out: 0, cost_usd: 0 }),
      unknownCostCalls: Number(total?.unknown_cost ?? 0),
      users: users.length,
    },
    series: set(0)
      .sort((a, b) => String(a.bucket).localeCompare(String(b.bucket)))
      .map((r) => ({
        bucket: String(r.bucket),
        calls: Number(r.calls),
        costUsd: Number(r.cost_usd),
        offlineCalls: Number(r.offline_calls),
      })),
    byUser: users
      .map((u) => ({ key: u.userId, label: emails.get(u.userId) ?? u.userId, team: u.teams.join(', '), ...sums(u.row) }))
      .sort((a, b) => b.costUsd - a.costUsd || b.calls - a.calls),
    byTeam: set(2)
      .sort(byCost)
      .map((r) => ({ key: String(r.team), label: String(r.team), ...sums(r) })),
    byKind: set(3)
      .sort(byCost)
      .map((r) => ({ key: String(r.kind), label: String(r.kind), ...sums(r) })),
    byModel: set(4, 5)
      .sort(byCost)
      .map((r) => ({ key: String(r.model), label: String(r.model), engine: String(r.engine), ...sums(r) })),
    byPrompt: set(6, 7)
      .filter((r) => r.prompt_id !== '')
      .sort(byCost)
      .map((r) => ({
        key: `${r.prompt_id}@${r.prompt_version}`,
        label: `${r.prompt_id} ${r.prompt_version}`,
        promptId: String(r.prompt_id),
        promptVersion: String(r.prompt_version),
        ...sums(r),
      })),
  }
}

/** A user's rows per team (someone who moved team has two) as one row, their teams by cost. */
function byUser(rows: Row[]): { userId: string; teams: string[]; row: Row }[] {
  const out = new Map<string, { userId: string; teams: string[]; row: Row }>()
  for (const r of rows) {
    const id = String(r.user_id)
    const u = out.get(id)
    if (!u) {
      out.set(id, { userId: id, teams: [String(r.team)], row: { ...r } })
      continue
    }
    u.teams.push(String(r.team))
    for (const k of ['calls', 'failed', 'tokens_in', 'tokens_out', 'cost_usd']) u.row[k] = Number(u.row[k]) + Number(r[k])
  }
  return [...out.values()]
}
