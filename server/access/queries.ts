import { z } from 'zod'
import type { Queryable } from '../db/connect'

/** Who is asking, as the reviewer rule reads them. */
export type Reviewer = { id: string; roles: readonly string[] }

/**
 * SQL: the gate `g` is one this user reviews (a role it needs or escalates to, or its assignee).
 * The one definition of "a reviewer of the run", for every query that asks it.
 */
export const reviewsGate = (db: Queryable, user: Reviewer) =>
  db`(g.role = any(${[...user.roles]}) or g.escalate_to = any(${[...user.roles]}) or g.assignee_id = ${user.id})`

/** Whether this user reviews a gate of the run. */
export async function reviewsRun(db: Queryable, runId: string, user: Reviewer): Promise<boolean> {
  const rows = await db`select 1 from gates g where g.run_id = ${runId} and ${reviewsGate(db, user)} limit 1`
  return rows.length > 0
}

// an aggregate without FROM: always one row
const BriefReach = z.tuple([z.object({ reviews: z.boolean(), approved: z.boolean() })])

/** Whether this user reviews a gate of a run of the brief, and whether a run of it is approved. */
export async function briefReach(db: Queryable, briefId: string, user: Reviewer): Promise<{ reviews: boolean; approved: boolean }> {
  const [row] = BriefReach.parse(
    await db`select
      exists (select 1 from gates g join runs r on r.id = g.run_id where r.brief_id = ${briefId} and ${reviewsGate(db, user)}) as reviews,
      exists (select 1 from runs where brief_id = ${briefId} and status = 'approved') as approved`,
  )
  return row
}
