import type { z } from 'zod'
import type { BudgetLine } from '../../../../contracts/usage'
import { useI18n } from '../../i18n'
import { formatShare } from '../../lib/format'
import { formatUsd } from '../../lib/format-number'

export type Budget = z.infer<typeof BudgetLine>

/** How much of a budget is spent; past the limit the bar stays full and turns red. */
export function BudgetBar({ budget }: { budget: Budget }) {
  const { lang } = useI18n()
  return (
    <span className="budget-share">
      <span className={`budget-bar budget-${budget.state}`} aria-hidden="true">
        <span style={{ width: `${Math.min(budget.share, 1) * 100}%` }} />
      </span>
      <span className="num">{formatShare(budget.share, lang)}</span>
    </span>
  )
}

export function BudgetState({ state }: { state: Budget['state'] }) {
  const { t } = useI18n()
  return (
    <span className={`badge budget-state-${state}`} data-state={state}>
      {t(`budget.state.${state}`)}
    </span>
  )
}

/** Budgets with their spend: the CMO's every line, or a writer's own and their team's. */
export function BudgetTable({ lines }: { lines: readonly Budget[] }) {
  const { t, lang } = useI18n()
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('budget.col.scope')}</th>
            <th scope="col">{t('budget.col.name')}</th>
            <th scope="col" className="num">
              {t('budget.col.limit')}
            </th>
            <th scope="col" className="num">
              {t('budget.col.spent')}
            </th>
            <th scope="col">{t('budget.col.share')}</th>
            <th scope="col">{t('budget.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((b) => (
            <tr key={`${b.scope}:${b.name}`} data-testid="budget-row" data-scope={b.scope} data-name={b.name} data-state={b.state}>
              <td>{t(`budget.scopeName.${b.scope}`)}</td>
              <td>{b.name}</td>
              <td className="num">{formatUsd(b.limitUsd, lang)}</td>
              <td className="num">{formatUsd(b.spentUsd, lang)}</td>
              <td>
                <BudgetBar budget={b} />
              </td>
              <td>
                <BudgetState state={b.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
