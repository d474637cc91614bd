// After a run's model calls: a monthly AI budget of its author (their own, their team's) past the
// policy's warning share, or spent, is told to the author and the CMOs, once per budget, state and
// month (notify/emit.ts budgetCrossed), in the transaction that stores the draft.
import type { Queryable } from '../db/connect'
import type { Budgets } from '../policy/schema'
import { type BudgetUser, budgetStatus } from '../usage/budget'
import { budgetCrossed } from './emit'

export async function announceBudgets(
  db: Queryable,
  a: { budgets: Budgets; author: BudgetUser; runId: string; briefTitle: string; kind: string },
): Promise<void> {
  const status = await budgetStatus(db, a.budgets, a.author)
  for (const s of status.scopes) {
    if (s.state === 'ok') continue
    await budgetCrossed(db, {
      type: s.state === 'over' ? 'budget.spent' : 'budget.warning',
      runId: a.runId,
      briefTitle: a.briefTitle,
      kind: a.kind,
      authorId: a.author.id,
      budget: { scope: s.scope, name: s.name, month: status.month, spentUsd: s.spentUsd, limitUsd: s.limitUsd },
    })
  }
}
