import { z } from 'zod'
import { BriefKind } from '../../contracts/briefs'
import { GateName, type ReviewItem } from '../../contracts/runs'
import { Role } from '../../contracts/roles'
import type { UserRow } from '../auth/queries'
import type { Queryable } from '../db/connect'

const Row = z.object({
  gate_id: z.string(),
  gate: GateName,
  run_id: z.string(),
  brief_title: z.string(),
  kind: BriefKind,
  author_email: z.string(),
  due_at: z.coerce.date().nullable(),
  opened_at: z.coerce.date().nullable(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  role: Role,
})

/**
 * My queue: open gates I could decide (my role, assigned to me or to nobody, not my own work),
 * plus overdue gates the policy escalates to one of my roles; soonest due first.
 */
export async function listReviews({
  db,
  user,
  overdueOnly,
}: {
  db: Queryable
  user: UserRow
  overdueOnly: boolean
}): Promise<ReviewItem[]> {
  const rows = z.array(Row).parse(
    await db`select g.id as gate_id, g.gate, g.run_id, b.title as brief_title, b.kind,
      u.email as author_email, g.due_at, g.opened_at, coalesce(g.due_at < now(), false) as overdue, g.role,
      not (g.role = any(${user.roles}) and (g.assignee_id is null or g.assignee_id = ${user.id})) as escalated
    from gates g join runs r on r.id = g.run_id join briefs b on b.id = r.brief_id join users u on u.id = r.author_id
    where g.status = 'open' and r.author_id <> ${user.id}
      and ((g.role = any(${user.roles}) and (g.assignee_id is null or g.assignee_id = ${user.id}))
        or (g.escalate_to = any(${user.roles}) and g.due_at < now()))
      ${overdueOnly ? db`and g.due_at < now()` : db``}
    order by g.due_at nulls last, g.opened_at
    limit 500`,
  )
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
  }))
}
