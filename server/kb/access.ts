import type { Role } from '../../contracts/roles'
import type { UserRow } from '../auth/queries'
import type { Queryable } from '../db/connect'
import { runAccess } from '../access/visibility'
import { refuse } from '../refusals'
import type { Policy } from '../policy/load'
import { selectResultRun, type ResultRunRow } from './queries'

/** Writers rate and tag what they reuse; reviewers what they judged. */
export const RATER_ROLES: readonly Role[] = ['writer', 'factcheck', 'legal', 'editor']

/**
 * The run behind a result, if this user may see it: 404 when there is no result (no draft yet),
 * 403 when it is not theirs to see. The rule is server/access/visibility.ts, the same as the
 * run's own page: an approved result is the team's; until then the author, the reviewers of its
 * gates and the roles the policy names.
 */
export async function visibleResult(db: Queryable, policy: Policy, user: UserRow, runId: string): Promise<ResultRunRow> {
  const run = await selectResultRun(db, runId)
  if (!run || run.draft_version < 1) throw refuse('not_found.result')
  if ((await runAccess(db, policy, user, run)) === 'none') throw refuse('kb.result_not_approved')
  return run
}

export function assertRater(user: UserRow) {
  if (!user.roles.some((r) => RATER_ROLES.includes(r))) throw refuse('kb.rater_roles', { roles: RATER_ROLES.join(', ') })
}
