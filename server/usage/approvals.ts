import type { ApprovalView } from '../../contracts/usage'
import type { Queryable } from '../db/connect'
import type { Scope } from './period'
import { type ApprovalRow, selectApprovalRows } from './view-queries'

/** The team's target for the share of approved copy that needed no rework (DOMAIN.md). */
export const WITHOUT_REWORK_TARGET: [number, number] = [0.7, 0.85]

/** The totals of an empty period. */
const NONE: ApprovalRow = {
  kind: '',
  total: 1,
  runs: 0,
  approved: 0,
  rejected: 0,
  failed: 0,
  without_rework: 0,
  edited: 0,
  ai_share_sum: 0,
}

/**
 * Runs started in the period, by outcome, from the daily rollup (migration 004). "Without
 * rework": approved with draft version 1 (a redraft after requested changes and a writer's edit
 * both make a new version). The AI's share of an approved text is 1 - its edit ratio from the
 * AI draft (1 when the AI draft itself passed).
 */

export async function approvalView(db: Queryable, s: Scope): Promise<ApprovalView> {
  const rows = await selectApprovalRows(db, s)
  const share = (r: ApprovalRow) => (r.approved ? r.ai_share_sum / r.approved : null)
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
