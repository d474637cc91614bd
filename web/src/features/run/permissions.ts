import type { Me } from '../../../../contracts/auth'
import type { Gate, Run } from '../../../../contracts/runs'

// The rules the server enforces (server/runs/decide-gate.ts, assign-gate.ts, gates/check-claim.ts), used only to shape
// the screen: the server checks again and its refusal is shown as it comes.

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/** Separation of duties: the author never decides or checks anything on their own work. */
export const isAuthor = (run: Run, me: Me) => sameEmail(run.authorEmail, me.email)

const mine = (gate: Gate, me: Me) => me.roles.includes(gate.role) && (gate.assignee === null || sameEmail(gate.assignee, me.email))

/** Pass, request changes, reject: an open gate of my role, assigned to me or to nobody. */
export const canDecide = (run: Run, gate: Gate, me: Me) => !isAuthor(run, me) && gate.status === 'open' && mine(gate, me)

/** Waive: only the roles the policy names for this gate. */
export const canWaive = (run: Run, gate: Gate, me: Me) =>
  !isAuthor(run, me) && gate.status === 'open' && gate.waivableBy.some((r) => me.roles.includes(r))

/** Claim, hand over, release: a review still to come, not named by the policy, by its role or an admin, never the author. */
export const canAssign = (run: Run, gate: Gate, me: Me) =>
  !isAuthor(run, me) &&
  (gate.status === 'open' || gate.status === 'pending') &&
  !gate.ownerNamed &&
  (me.roles.includes(gate.role) || me.roles.includes('admin'))

/** Claim: nobody has it yet and I hold its role. */
export const canClaim = (run: Run, gate: Gate, me: Me) => canAssign(run, gate, me) && gate.assignee === null && me.roles.includes(gate.role)

/** Mine: claimed by or assigned to me. */
export const isAssignedToMe = (gate: Gate, me: Me) => gate.assignee !== null && sameEmail(gate.assignee, me.email)

export const factCheckGate = (run: Run, version: number) => run.gates.find((g) => g.gate === 'fact_check' && g.draftVersion === version)

/** Why the current user may not mark claims (null: they may). */
export type ClaimLock = 'author' | 'no_gate' | 'not_open' | 'not_mine' | null

export function claimLock(run: Run, me: Me, version: number): ClaimLock {
  if (isAuthor(run, me)) return 'author'
  const gate = factCheckGate(run, version)
  if (!gate) return 'no_gate'
  if (gate.status !== 'open') return 'not_open'
  return mine(gate, me) ? null : 'not_mine'
}
