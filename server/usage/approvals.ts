import { z } from 'zod'
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
// a sum over no rows is null (an empty period): zero here
const count = z
  .number()
  .nullable()
  .transform((n) => n ?? 0)
const Row = z.object({
  kind: z.string(),
  total: z.number(),
  runs: count,
  approved: count,
  rejected: count,
  failed: count,
  without_rework: count,
  edited: count,
  ai_share_sum: count,
})
type Row = z.infer<typeof Row>
const NONE: Row = { kind: '', total: 1, runs: 0, approved: 0, rejected: 0, failed: 0, without_rework: 0, edited: 0, ai_share_sum: 0 }

export async function approvalView(db: Queryable, s: Scope): Promise<ApprovalView> {
  const rows = z.array(Row).parse(
    await db`
    select coalesce(kind, '') as kind, grouping(kind) as total, sum(runs)::int as runs, sum(approved)::int as approved,
      sum(rejected)::int as rejected, sum(failed)::int as failed, sum(without_rework)::int as without_rework,
      sum(edited_finals)::int as edited, sum(ai_share_sum)::float8 as ai_share_sum
    from run_stats_daily
    where day >= ${s.from} and day < ${s.until}
      ${s.userId ? db`and user_id = ${s.userId}` : db``}
      ${s.team ? db`and team = ${s.team}` : db``}
      ${s.kind ? db`and kind = ${s.kind}` : db``}
    group by rollup (kind) order by total desc, runs desc`,
  )
  const share = (r: Row) => (r.approved ? r.ai_share_sum / r.approved : null)
  const total = rows.find((r) => r.total === 1) ?? NONE
  const { approved, rejected } = total
  const decided = approved + rejected
  return {
    runs: total.runs,
    approved,
    rejected,
    failed: total.failed,
    inReview: total.runs - approved - rejected - total.failed,
    approvalRate: decided ? approved / decided : null,
    approvedWithoutRework: total.without_rework,
    withoutReworkShare: approved ? total.without_rework / approved : null,
    target: WITHOUT_REWORK_TARGET,
    aiShare: share(total),
    editedFinals: total.edited,
    byKind: rows
      .filter((r) => r.total === 0)
      .map((r) => ({ kind: r.kind, runs: r.runs, approved: r.approved, approvedWithoutRework: r.without_rework, aiShare: share(r) })),
  }
}
