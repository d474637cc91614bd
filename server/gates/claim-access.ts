import type { UserRow } from '../auth/queries'
import { refuse } from '../refusals'
import type { ClaimForCheck } from './claim-queries'

// The claims with what decides who may check them, locked for the check: claim-queries.ts.
export { ClaimForCheck, lockClaims } from './claim-queries'

/**
 * Who may check a claim: someone who could pass its draft's fact_check gate while it is open —
 * never the author, the gate's role, its assignee when it has one. The database checks again.
 */
export function assertMayCheck(claim: ClaimForCheck, user: UserRow) {
  if (claim.author_id === user.id) throw refuse('claim.author_checks')
  if (!claim.gate_id) throw refuse('claim.no_fact_check_gate')
  if (!claim.role || !user.roles.includes(claim.role)) throw refuse('claim.role_needed', { role: claim.role ?? '' })
  if (claim.assignee_id && claim.assignee_id !== user.id) throw refuse('claim.assigned_to_other', { assignee: claim.assignee_email ?? '' })
  if (claim.gate_status !== 'open') throw refuse('claim.gate_not_open', { status: claim.gate_status ?? '' })
}
