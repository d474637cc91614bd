import { useQuery } from '@tanstack/react-query'
import { BriefKind } from '../../../../contracts/briefs'
import { EmptyState, ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { formatCount, formatUsd } from '../../lib/format-number'
import { formatMonth } from '../../lib/format-period'
import { Link } from '../../lib/router'
import { useCurrentUser } from '../auth/current-user'
import { seesWholeLog } from './access'
import { BudgetAlert } from './budget-alert'
import { BudgetTable } from './budget-lines'
import { KpiCard } from './kpi-card'
import { OwnUsageTable } from './own-usage-table'
import { myUsageQuery, summaryQuery } from './queries'

/** Everyone's own month of AI use: calls, cost, and how close their budgets are to the limit. */
export function MyUsagePage() {
  const { t, lang } = useI18n()
  const me = useCurrentUser()
  const mine = useQuery(myUsageQuery())
  // the API holds anyone without the whole log to their own rows: no filter needed (this month)
  const summary = useQuery(summaryQuery({}))

  if (mine.isPending) return <Loading />
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
  const m = mine.data
  const kindName = (key: string) => {
    const kind = BriefKind.safeParse(key)
    return kind.success ? t(`kind.${kind.data}`) : key
  }

  return (
    <section data-testid="my-usage-page">
      <div className="page-head">
        <div>
          <h1>{t('myUsage.title')}</h1>
          <p className="muted">{t('myUsage.intro', { month: formatMonth(m.month, lang) })}</p>
        </div>
        {seesWholeLog(me.roles) && (
          <Link to="/dashboard" className="button">
            {t('nav.dashboard')}
          </Link>
        )}
      </div>

      <BudgetAlert budgets={m.budgets} month={m.month} />

      <div className="kpi-grid">
        <KpiCard id="my-calls" label={t('myUsage.calls')} value={formatCount(m.calls, lang)} raw={m.calls} />
        <KpiCard id="my-cost" label={t('myUsage.cost')} value={formatUsd(m.costUsd, lang)} raw={m.costUsd} />
      </div>

      <div className="card">
        <h2>{t('myUsage.budgets')}</h2>
        {m.budgets.length === 0 ? (
          <p className="muted" data-testid="my-budgets-none">
            {t('myUsage.noBudgets')}
          </p>
        ) : (
          <>
            <p className="muted small">{t('myUsage.budgetsHelp')}</p>
            <BudgetTable lines={m.budgets} />
          </>
        )}
      </div>

      <div className="card">
        <h2>{t('myUsage.breakdown')}</h2>
        {summary.isPending ? (
          <Loading />
        ) : summary.isError ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        ) : summary.data.totals.calls === 0 ? (
          <EmptyState testId="my-usage-empty">
            <p>{t('myUsage.empty')}</p>
          </EmptyState>
        ) : (
          <div className="two-columns">
            <OwnUsageTable title={t('dash.dim.kind')} rows={summary.data.byKind} name={(r) => kindName(r.key)} testId="my-usage-kind" />
            <OwnUsageTable title={t('dash.dim.model')} rows={summary.data.byModel} name={(r) => r.label} testId="my-usage-model" />
          </div>
        )}
      </div>
    </section>
  )
}
