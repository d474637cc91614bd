import { useQuery } from '@tanstack/react-query'
import { BudgetAlert } from '../usage/budget-alert'
import { myUsageQuery } from '../usage/queries'

/** Before drafting: a budget near or at its limit. A failed check shows nothing and never blocks the brief. */
export function BudgetNotice() {
  const mine = useQuery(myUsageQuery())
  if (!mine.data) return null
  return <BudgetAlert budgets={mine.data.budgets} month={mine.data.month} />
}
