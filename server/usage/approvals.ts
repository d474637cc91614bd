import type { ApprovalView } from '../../contracts/usage'
import type { Queryable } from '../db/connect'
import type { Scope } from './period'

/** The team's target for the share of approved copy that needed no rework (DOMAIN.md). */
export const WITHOUT_REWORK_TARGET: [number, number] = [0.7, 0.85]

/**
 * Runs started in the period, by outcome, from the daily rollup (migration 004). "Without
 * rework": approved with draft version 1 (a redraft after requested changes and a writer's edit
 * both make a new version). The AI's share of an approved text is 1 - its edit ratio from the
 * AI draft (1 when the AI draft itself passed).
 */
export async function approvalView(db: Queryable, s: Scope): Promise<ApprovalView> {
  const rows = await db`
    select coalesce(kind, '') as kind, grouping(kind) as total, sum(runs)::int as runs, sum(approved)::int as approved,
      sum(rejected)::int as rejected, sum(failed)::int as failed, sum(without_rework)::int as without_rework,
      sum(edited_finals)::int as edited, sum(ai_share_sum)::float8 as ai_share_sum
    from run_stats_daily
    where day >= ${s.from} and day < ${s.until}
      ${s.userId ? db`and user_id = ${s.userId}` : db``}
      ${s.team ? db`and team = ${s.team}` : db``}
      ${s.kind ? db`and kind = ${s.kind}` : db``}
    group by rollup (kind) order by total desc, runs desc`
  const n = (v: unknown) => Number(v ?? 0)
  const share = (r: Record<string, unknown> | undefined) => (n(r?.approved) ? n(r?.ai_share_sum) / n(r?.approved) : null)
  const total = rows.find((r) => Number(r.total) === 1)
  const approved = n(total?.approved)
  const decided = approved + n(total?.rejected)
  return {
    runs: n(total?.runs),
    approved,
    rejected: n(total?.rejected),
    failed: n(total?.failed),
    inReview: n(total?.runs) - approved - n(total?.rejected) - n(total?.failed),
    approvalRate: decided ? approved / decided : null,
    approvedWithoutRework: n(total?.without_rework),
    withoutReworkShare: approved ? n(total?.without_rework) / approved : null,
    target: WITHOUT_REWORK_TARGET,
    aiShare: share(total),
    editedFinals: n(total?.edited),
    byKind: rows
      .filter((r) => Number(r.total) === 0)
      .map((r) => ({
        kind: String(r.kind),
        runs: n(r.runs),
        approved: n(r.approved),
        approvedWithoutRework: n(r.without_rework),
        aiShare: share(r),
      })),
  }
}
