import type { UsageSummary } from '../../contracts/usage'
import type { Queryable } from '../db/connect'
import type { Scope } from './period'
import { selectEmailsByIds } from './queries'
import { selectUsageRows, type UsageRow } from './view-queries'

type Sums = Pick<UsageRow, 'calls' | 'failed' | 'tokens_in' | 'tokens_out' | 'cost_usd'>

/**
 * Model calls and their cost in a period, from the daily rollup of the audit log (never a scan
 * of the log itself), in one pass: totals, a series by day or month, and the breakdowns the
 * CMO asks for, as grouping sets of the same rows.
 */
export async function usageSummary(db: Queryable, s: Scope): Promise<UsageSummary> {
  const rows = await selectUsageRows(db, s)
  // grouping() has one bit per column, the first column the highest: a set's rows have its columns' bits clear
  const ALL = 0b11111111
  const set = (...cols: number[]) => rows.filter((r) => r.g === ALL - cols.reduce((m, c) => m | (1 << (7 - c)), 0))
  const byCost = (a: Sums, b: Sums) => b.cost_usd - a.cost_usd || b.calls - a.calls
  const sums = (r: Sums) => ({ calls: r.calls, failed: r.failed, tokensIn: r.tokens_in, tokensOut: r.tokens_out, costUsd: r.cost_usd })
  const all = set()[0]
  const users = byUser(set(1, 2).sort(byCost))
  const ids = users.map((u) => u.userId)
  const emails = new Map(ids.length ? (await selectEmailsByIds(db, ids)).map((u) => [u.id, u.email]) : [])
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
function byUser(rows: UsageRow[]): { userId: string; teams: string[]; row: UsageRow }[] {
  const out = new Map<string, { userId: string; teams: string[]; row: UsageRow }>()
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
