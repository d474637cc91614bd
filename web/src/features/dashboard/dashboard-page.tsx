import { useQuery } from '@tanstack/react-query'
import { EmptyState } from '../../components/states'
import { useI18n } from '../../i18n'
import { formatDate, formatShare } from '../../lib/format'
import { formatMonth } from '../../lib/format-period'
import { Link, useLocation } from '../../lib/router'
import { useCurrentUser } from '../auth/current-user'
import { seesWholeLog } from '../usage/access'
import { BudgetTable } from '../usage/budget-lines'
import { approvalsQuery, blockedQuery, budgetsQuery, gatesQuery, summaryQuery, unmarkedAdsQuery, usageUrl } from '../usage/queries'
import { ApprovalsView } from './approvals-view'
import { AuditLogExport } from './audit-log-export'
import { BlockedView } from './blocked-view'
import { BreakdownSection } from './breakdown-section'
import { CsvLink } from './csv-link'
import { filterHref, readFilter, usageParams } from './filter'
import { FilterBar } from './filter-bar'
import { GatesTable } from './gates-view'
import { KpiGrid } from './kpi-grid'
import { OverdueList } from './overdue-list'
import { UnmarkedAds } from './unmarked-ads'
import { UsageOverTime } from './usage-over-time'
import { ViewSection } from './view-section'

/**
 * The CMO's one screen on AI use in a period: who used it for what, what it cost, what the
 * policy blocked, how much of the approved copy the AI wrote, and where approvals are stuck.
 */
export function DashboardPage() {
  const { t, lang } = useI18n()
  const me = useCurrentUser()
  const filter = readFilter(useLocation().search)
  const params = usageParams(filter)
  const whole = seesWholeLog(me.roles)
  const summary = useQuery({ ...summaryQuery(params), enabled: whole })
  const approvals = useQuery({ ...approvalsQuery(params), enabled: whole })
  const gates = useQuery({ ...gatesQuery(params), enabled: whole })
  const blocked = useQuery({ ...blockedQuery(params), enabled: whole })
  const budgets = useQuery({ ...budgetsQuery(), enabled: whole })
  const unmarked = useQuery({ ...unmarkedAdsQuery(), enabled: whole })

  if (!whole) {
    return (
      <EmptyState testId="dashboard-forbidden">
        <p>{t('dash.forbidden')}</p>
        <Link to="/usage">{t('nav.myUsage')}</Link>
      </EmptyState>
    )
  }
  const csv = (view: Parameters<typeof usageUrl>[0], testId: string, list?: 'overdue', label?: string) => (
    <CsvLink href={usageUrl(view, params, { list })} testId={testId} label={label} />
  )

  return (
    <section data-testid="dashboard-page">
      <div className="page-head">
        <div>
          <h1>{t('dash.title')}</h1>
          <p className="muted" data-testid="dashboard-period-label" data-from={filter.from} data-to={filter.to}>
            {t('dash.periodLabel', { from: formatDate(filter.from, lang), to: formatDate(filter.to, lang) })}
          </p>
        </div>
      </div>

      <FilterBar
        key={filterHref(filter)}
        filter={filter}
        teams={summary.data?.byTeam.map((r) => r.label).filter(Boolean) ?? []}
        users={summary.data?.byUser.map((r) => r.label) ?? []}
      />

      <KpiGrid summary={summary.data} approvals={approvals.data} gates={gates.data} blocked={blocked.data} />

      <ViewSection title={t('dash.usage.title')} testId="dashboard-usage" query={summary} actions={csv('summary', 'csv-summary')}>
        {(s) =>
          s.totals.calls === 0 ? (
            <EmptyState testId="dashboard-usage-empty">
              <p>{t('dash.usage.empty')}</p>
            </EmptyState>
          ) : (
            <>
              <UsageOverTime summary={s} />
              <h3>{t('dash.breakdown')}</h3>
              <BreakdownSection summary={s} filter={filter} />
            </>
          )
        }
      </ViewSection>

      <ViewSection
        title={t('dash.approvals.title')}
        testId="dashboard-approvals"
        query={approvals}
        intro={t('dash.approvals.intro')}
        actions={csv('approvals', 'csv-approvals')}
      >
        {(a) => <ApprovalsView view={a} />}
      </ViewSection>

      <ViewSection
        title={t('dash.gates.title')}
        testId="dashboard-gates"
        query={gates}
        intro={t('dash.gates.intro')}
        actions={
          <>
            {csv('gates', 'csv-gates', undefined, t('dash.csvGates'))}
            {csv('gates', 'csv-overdue', 'overdue', t('dash.csvOverdue'))}
          </>
        }
      >
        {(g) => (
          <>
            {g.gates.length === 0 ? <p className="muted">{t('dash.gates.none')}</p> : <GatesTable gates={g.gates} />}
            <h3>{t('dash.overdue.title')}</h3>
            <OverdueList items={g.overdue} />
          </>
        )}
      </ViewSection>

      <ViewSection title={t('dash.blocked.title')} testId="dashboard-blocked" query={blocked} actions={csv('blocked', 'csv-blocked')}>
        {(b) => <BlockedView view={b} />}
      </ViewSection>

      <ViewSection
        title={t('dash.budgets.title')}
        testId="dashboard-budgets"
        query={budgets}
        intro={
          budgets.data &&
          t('dash.budgets.intro', {
            month: formatMonth(budgets.data.month, lang),
            n: budgets.data.refusedThisMonth,
            warn: formatShare(budgets.data.warnAt, lang),
          })
        }
        actions={<CsvLink href={usageUrl('budgets', {}, {})} testId="csv-budgets" />}
      >
        {(b) => (b.lines.length === 0 ? <p className="muted">{t('dash.budgets.none')}</p> : <BudgetTable lines={b.lines} />)}
      </ViewSection>

      <ViewSection title={t('dash.unmarked.title')} testId="dashboard-unmarked-ads" query={unmarked} intro={t('dash.unmarked.intro')}>
        {(items) => <UnmarkedAds items={items} />}
      </ViewSection>

      <AuditLogExport params={params} />
    </section>
  )
}
