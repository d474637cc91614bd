import type { Role } from '../../contracts/roles'
import type { UserRow } from '../auth/queries'
import type { Queryable } from '../db/connect'
import { forbidden, notFound } from '../errors'
import { selectResultRun, type ResultRunRow } from './queries'

/**
 * An approved result is the team's: everyone signed in reads it. Until then a run is work in
 * progress, read by its author and by the people who review or oversee drafts.
 */
const SEES_EVERY_RESULT: readonly Role[] = ['factcheck', 'legal', 'editor', 'cmo', 'admin']

/** Writers rate and tag what they reuse; reviewers what they judged. */
export const RATER_ROLES: readonly Role[] = ['writer', 'factcheck', 'legal', 'editor']

export const seesEveryResult = (user: UserRow) => user.roles.some((r) => SEES_EVERY_RESULT.includes(r))

export const canSeeResult = (user: UserRow, run: { status: string; author_id: string }) =>
  run.status === 'approved' || run.author_id === user.id || seesEveryResult(user)

/** The run behind a result, if this user may see it: 404 when there is no result (no draft yet), 403 when it is not theirs to see. */
export async function visibleResult(db: Queryable, user: UserRow, runId: string): Promise<ResultRunRow> {
  const run = await selectResultRun(db, runId)
  if (!run || run.draft_version < 1) throw notFound('result')
  if (!canSeeResult(user, run)) throw forbidden('this result is not approved yet: only its author and reviewers see it')
  return run
}

export function assertRater(user: UserRow) {
  if (!user.roles.some((r) => RATER_ROLES.includes(r))) throw forbidden(`rating and tagging need one of the roles: ${RATER_ROLES.join(', ')}`)
}
