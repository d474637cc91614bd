import type { UserRow } from '../auth/queries'
import type { Queryable } from '../db/connect'
import { refuse } from '../refusals'
import type { Policy } from '../policy/load'
import { briefReach, reviewsRun } from './queries'

// Other folders' queries build on the reviewer rule; it lives with the SQL, in ./queries.

/**
 * The one rule for reading work, used by briefs, runs, drafts, claims, exports and the knowledge
 * base alike:
 * - `work`: everything as typed and drafted — the author, the reviewers of its gates (a role a
 *   gate of the run needs or escalates to, or its assignee), and the roles the policy's
 *   `access.sees_all_work` names;
 * - `result`: someone else, once the run is approved — the approved version only, the brief
 *   redacted, no claims, no reviewers' notes;
 * - `none`: anyone else (403).
 */
export type Access = 'work' | 'result' | 'none'

export const seesAllWork = (policy: Policy, user: Pick<UserRow, 'roles'>) =>
  user.roles.some((r) => policy.file.access.sees_all_work.includes(r))

/** How much of one run this user reads. */
export async function runAccess(
  db: Queryable,
  policy: Policy,
  user: Pick<UserRow, 'id' | 'roles'>,
  run: { id: string; author_id: string; status: string },
): Promise<Access> {
  if (run.author_id === user.id || seesAllWork(policy, user)) return 'work'
  if (await reviewsRun(db, run.id, user)) return 'work'
  return run.status === 'approved' ? 'result' : 'none'
}

/** How much of one brief this user reads: its author's and reviewers' work, else only as the context of an approved result. */
export async function briefAccess(db: Queryable, policy: Policy, user: UserRow, brief: { id: string; authorId: string }): Promise<Access> {
  if (brief.authorId === user.id || seesAllWork(policy, user)) return 'work'
  const { reviews, approved } = await briefReach(db, brief.id, user)
  if (reviews) return 'work'
  return approved ? 'result' : 'none'
}

export function assertSees(access: Access, what: 'run' | 'brief'): asserts access is 'work' | 'result' {
  if (access === 'none') throw refuse(what === 'run' ? 'access.run_in_progress' : 'access.brief_in_progress')
}
