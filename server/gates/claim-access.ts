import type { UserRow } from '../auth/queries'
import { conflict, forbidden } from '../errors'
import type { ClaimForCheck } from './claim-queries'

// The claims with what decides who may check them, locked for the check: claim-queries.ts.
export { ClaimForCheck, lockClaims } from './claim-queries'

/**
 * Who may check a claim: someone who could pass its draft's fact_check gate while it is open —
 * never the author, the gate's role, its assignee when it has one. The database checks again.
 */
export function assertMayCheck(claim: ClaimForCheck, user: UserRow) {
  if (claim.author_id === user.id) throw forbidden('the author cannot check the claims of their own draft')
  if (!claim.gate_id) throw conflict('this draft has no fact_check gate')
  if (!claim.role || !user.roles.includes(claim.role)) throw forbidden(`checking claims needs the ${claim.role} role`)
  if (claim.assignee_id && claim.assignee_id !== user.id) throw forbidden(`the fact check is assigned to ${claim.assignee_email}`)
  if (claim.gate_status !== 'open') throw conflict(`the fact_check gate is ${claim.gate_status}, not open`)
}
