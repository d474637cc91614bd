import type { ApprovalView, BlockedView, GateView, UsageSummary } from '../../../../contracts/usage'
import { useI18n } from '../../i18n'
import { formatShare } from '../../lib/format'
import { formatCount, formatUsd } from '../../lib/format-number'
import { KpiCard, type KpiTone } from '../usage/kpi-card'

type Props = { summary?: UsageSummary; approvals?: ApprovalView; gates?: GateView; blocked?: BlockedView }

const sum = (values: readonly number[]) => values.reduce((n, v) => n + v, 0)

/** Below the team's target band is rework nobody planned for; above it, reviewers may be waving drafts through. */
function bandTone(share: number | null, [low, high]: readonly [number, number]): KpiTone {
  if (share === null) return 'neutral'
  return share < low ? 'bad' : share > high ? 'warn' : 'good'
}

/** The period at a glance: the numbers the CMO is asked about first. Each card fills in as its view arrives. */
export function KpiGrid({ summary, approvals, gates, blocked }: Props) {
  const { t, lang } = useI18n()
  const share = (v: number | null | undefined) => (v === undefined ? null : v === null ? t('common.none') : formatShare(v, lang))
  const totals = summary?.totals
  const offline = summary ? sum(summary.series.map((p) => p.offlineCalls)) : 0
  const overdue = gates ? sum(gates.gates.map((g) => g.overdue)) : undefined
  const open = gates ? sum(gates.gates.map((g) => g.open)) : 0
  const redacted = blocked ? sum(Object.values(blocked.piiRedacted)) : 0
  const decided = approvals ? approvals.approved + approvals.rejected : 0
  const target = approvals?.target ?? [0.7, 0.85]

  return (
    <div className="kpi-grid" data-testid="dashboard-kpis">
      <KpiCard
        id="cost"
        label={t('dash.kpi.cost')}
        value={totals ? formatUsd(totals.costUsd, lang) : null}
        raw={totals?.costUsd}
        sub={
          totals &&
          (totals.unknownCostCalls > 0
            ? t('dash.kpi.costUnknown', { n: formatCount(totals.unknownCostCalls, lang) })
            : t('dash.kpi.users', { n: formatCount(totals.users, lang) }))
        }
        tone={totals && totals.unknownCostCalls > 0 ? 'warn' : 'neutral'}
      />
      <KpiCard
        id="calls"
        label={t('dash.kpi.calls')}
        value={totals ? formatCount(totals.calls, lang) : null}
        raw={totals?.calls}
        sub={totals && t('dash.kpi.callsSub', { failed: formatCount(totals.failed, lang), offline: formatCount(offline, lang) })}
        tone={totals && totals.failed > 0 ? 'warn' : 'neutral'}
      />
      <KpiCard
        id="approval-rate"
        label={t('dash.kpi.approvalRate')}
        value={share(approvals?.approvalRate)}
        raw={approvals?.approvalRate}
        sub={
          approvals &&
          t('dash.kpi.approvalSub', {
            approved: formatCount(approvals.approved, lang),
            decided: formatCount(decided, lang),
            runs: formatCount(approvals.runs, lang),
          })
        }
      />
      <KpiCard
        id="without-rework"
        label={t('dash.kpi.withoutRework')}
        value={share(approvals?.withoutReworkShare)}
        raw={approvals?.withoutReworkShare}
        sub={t('dash.kpi.target', { low: formatShare(target[0], lang), high: formatShare(target[1], lang) })}
        tone={approvals ? bandTone(approvals.withoutReworkShare, approvals.target) : 'neutral'}
      />
      <KpiCard
        id="ai-share"
        label={t('dash.kpi.aiShare')}
        value={share(approvals?.aiShare)}
        raw={approvals?.aiShare}
        sub={
          approvals &&
          t('dash.kpi.editedFinals', { n: formatCount(approvals.editedFinals, lang), approved: formatCount(approvals.approved, lang) })
        }
      />
      <KpiCard
        id="overdue"
        label={t('dash.kpi.overdue')}
        value={overdue === undefined ? null : formatCount(overdue, lang)}
        raw={overdue}
        sub={gates && t('dash.kpi.openGates', { n: formatCount(open, lang) })}
        tone={overdue ? 'bad' : 'neutral'}
      />
      <KpiCard
        id="budget-refusals"
        label={t('dash.kpi.budgetRefusals')}
        value={blocked ? formatCount(blocked.budgetRefused, lang) : null}
        raw={blocked?.budgetRefused}
        sub={t('dash.kpi.budgetRefusalsSub')}
        tone={blocked?.budgetRefused ? 'warn' : 'neutral'}
      />
      <KpiCard
        id="pii-blocks"
        label={t('dash.kpi.piiBlocks')}
        value={blocked ? formatCount(blocked.piiBlocked, lang) : null}
        raw={blocked?.piiBlocked}
        sub={blocked && t('dash.kpi.piiRedacted', { n: formatCount(redacted, lang) })}
        tone={blocked?.piiBlocked ? 'warn' : 'neutral'}
      />
    </div>
  )
}
