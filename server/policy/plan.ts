import type { GateName } from '../../contracts/runs'
import type { Role } from '../../contracts/roles'
import type { Policy } from './load'
import type { RiskCategory } from './schema'

export type PlannedGate = {
  gate: GateName
  role: Role
  /** E-mail of the person who must decide (fact_check owner), or null: anyone with the role. */
  assigneeEmail: string | null
  slaBusinessDays: number
  waivableBy: Role[]
  escalateTo: Role | null
}

/**
 * The gates a draft with these risk categories must pass, in the policy's order. Always at
 * least `release`: nothing is ever published without a human.
 */
export function gatesFor(policy: Policy, categories: readonly RiskCategory[]): GateName[] {
  const required = new Set<GateName>(['release'])
  for (const c of categories) for (const g of policy.file.categories[c] ?? []) required.add(g)
  // Kahn's algorithm over the `after` edges among the required gates; ties keep the policy's order.
  const declared = Object.keys(policy.file.gates) as GateName[]
  const pending = declared.filter((g) => required.has(g))
  const order: GateName[] = []
  while (pending.length) {
    const i = pending.findIndex((g) => (policy.file.gates[g]?.after ?? []).every((a) => !pending.includes(a)))
    // the loader rejects cycles, so some gate is always ready
    order.push(...pending.splice(Math.max(i, 0), 1))
  }
  return order
}

export function planGates(policy: Policy, categories: readonly RiskCategory[], brief: { factCheckOwner: string | null }): PlannedGate[] {
  return gatesFor(policy, categories).map((gate) => {
    const spec = policy.file.gates[gate]!
    const assigneeEmail = gate === 'fact_check' && spec.owner === 'brief' ? (brief.factCheckOwner ?? spec.default_owner ?? null) : null
    return {
      gate,
      role: spec.role,
      assigneeEmail,
      slaBusinessDays: spec.sla_business_days,
      waivableBy: spec.waivable_by,
      escalateTo: spec.escalate_to ?? null,
    }
  })
}
