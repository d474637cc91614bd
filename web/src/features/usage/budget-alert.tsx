import { useI18n } from '../../i18n'
import { formatShare } from '../../lib/format'
import { formatUsd } from '../../lib/format-number'
import { formatMonth } from '../../lib/format-period'
import type { Budget } from './budget-lines'

/**
 * The budgets that are nearly or fully spent, each in a sentence: at the limit the model is no
 * longer called and the offline engine drafts (server/usage/budgeted-provider.ts). Nothing when all are fine.
 */
export function BudgetAlert({ budgets, month }: { budgets: readonly Budget[]; month: string }) {
  const { t, lang } = useI18n()
  const pressing = budgets.filter((b) => b.state !== 'ok')
  if (pressing.length === 0) return null
  const over = pressing.some((b) => b.state === 'over')
  return (
    <div
      className={over ? 'budget-alert budget-alert-over' : 'budget-alert'}
      role="status"
      data-testid="budget-alert"
      data-state={over ? 'over' : 'warn'}
    >
      {pressing.map((b) => {
        const vars = {
          scope: b.scope === 'user' ? t('budget.scope.user') : t('budget.scope.team', { name: b.name }),
          month: formatMonth(month, lang),
          spent: formatUsd(b.spentUsd, lang),
          limit: formatUsd(b.limitUsd, lang),
          share: formatShare(b.share, lang),
        }
        return (
          <p key={`${b.scope}:${b.name}`} data-testid="budget-alert-line" data-state={b.state} data-scope={b.scope}>
            {b.state === 'over' ? t('budget.over', vars) : t('budget.warn', vars)}
          </p>
        )
      })}
    </div>
  )
}
