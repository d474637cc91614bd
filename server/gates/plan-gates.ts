import type { GateName } from '../../contracts/runs'
import type { Role } from '../../contracts/roles'

export type PlannedGate = { gate: GateName; role: Role; assigneeId: string | null; slaHours: number }

/**
 * Which human gates a draft must pass, in order. The policy files (policies/) take this over
 * with risk-based gates; the invariants stay: a named fact-check owner checks facts first, and
 * every draft ends with a human `release`, so nothing is ever published automatically.
 */
export function planGates(brief: { fact_check_owner_id: string | null }): PlannedGate[] {
  const gates: PlannedGate[] = []
  if (brief.fact_check_owner_id) {
    gates.push({ gate: 'fact_check', role: 'factcheck', assigneeId: brief.fact_check_owner_id, slaHours: 24 })
  }
  gates.push({ gate: 'release', role: 'editor', assigneeId: null, slaHours: 24 })
  return gates
}
