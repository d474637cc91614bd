import type { BlockedView } from '../../contracts/usage'
import type { Queryable } from '../db/connect'
import type { Scope } from './period'
import { selectBlockedRows } from './view-queries'

/**
 * What the policy stopped in the period, from the daily rollup of policy events (migration
 * 004): briefs refused for personal data and the data redacted before a model, by type (the
 * log never holds the values), model calls refused by a budget, gate decisions that stopped or
 * sent back a draft, and the risk categories drafts were flagged with.
 */
export async function blockedView(db: Queryable, s: Scope): Promise<BlockedView> {
  const rows = await selectBlockedRows(db, s)
  const of = (event: string) => rows.filter((r) => r.event === event)
  const count = (event: string) => of(event).reduce((n, r) => n + r.n, 0)
  const types = (event: string) => Object.fromEntries(of(event).map((r) => [r.detail, r.n]))
  return {
    piiBlocked: count('pii_blocked'),
    piiTypes: types('pii_blocked_type'),
    piiRedacted: types('pii_redacted_type'),
    budgetRefused: count('budget_refused'),
    decisions: rows
      .filter((r) => r.event.startsWith('decision_'))
      .map((r) => ({ gate: r.detail, decision: r.event.slice('decision_'.length), count: r.n })),
    categories: of('risk_category').map((r) => ({ category: r.detail, drafts: r.n })),
  }
}
