import type { ReviewItem } from '../../contracts/runs'
import type { VerbArgs } from '../verb'
import { type QueueFilter, selectReviewQueue } from './queries'

/**
 * My queue: open gates I could decide (my role, assigned to me or to nobody, not my own work),
 * plus overdue gates the policy escalates to one of my roles; narrowed to mine, unassigned,
 * overdue or one kind of brief; soonest due first.
 */
export async function listReviews({ ctx: { db, user }, input }: VerbArgs<QueueFilter>): Promise<ReviewItem[]> {
  const rows = await selectReviewQueue(db, { user, ...input })
  return rows.map((r) => ({
    gateId: r.gate_id,
    gate: r.gate,
    runId: r.run_id,
    briefTitle: r.brief_title,
    kind: r.kind,
    authorEmail: r.author_email,
    dueAt: r.due_at?.toISOString() ?? null,
    openedAt: r.opened_at?.toISOString() ?? null,
    overdue: r.overdue,
    escalated: r.escalated,
    role: r.role,
    assigneeEmail: r.assignee_email,
  }))
}
