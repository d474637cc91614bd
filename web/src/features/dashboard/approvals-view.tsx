import { BriefKind } from '../../../../contracts/briefs'
import type { ApprovalView } from '../../../../contracts/usage'
import { useI18n } from '../../i18n'
import { formatShare } from '../../lib/format'
import { formatCount } from '../../lib/format-number'

const COUNTS = ['runs', 'approved', 'rejected', 'inReview', 'failed', 'approvedWithoutRework', 'editedFinals'] as const

/** Runs started in the period by outcome, and per kind how much of the approved copy the AI wrote. */
export function ApprovalsView({ view }: { view: ApprovalView }) {
  const { t, lang } = useI18n()
  const share = (v: number | null) => (v === null ? t('common.none') : formatShare(v, lang))
  const kindName = (k: string) => {
    const kind = BriefKind.safeParse(k)
    return kind.success ? t(`kind.${kind.data}`) : k
  }
  return (
    <>
      <dl className="stat-row">
        {COUNTS.map((c) => (
          <div key={c} className="stat" data-testid={`approvals-${c}`} data-value={view[c]}>
            <dt>{t(`dash.approvals.${c}`)}</dt>
            <dd>{formatCount(view[c], lang)}</dd>
          </div>
        ))}
      </dl>
      {view.byKind.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="approvals-by-kind">
            <thead>
              <tr>
                <th scope="col">{t('dash.dim.kind')}</th>
                <th scope="col" className="num">
                  {t('dash.approvals.runs')}
                </th>
                <th scope="col" className="num">
                  {t('dash.approvals.approved')}
                </th>
                <th scope="col" className="num">
                  {t('dash.approvals.approvedWithoutRework')}
                </th>
                <th scope="col" className="num">
                  {t('dash.kpi.aiShare')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.byKind.map((k) => (
                <tr key={k.kind} data-testid="approvals-kind-row" data-kind={k.kind} data-runs={k.runs} data-approved={k.approved}>
                  <td>{kindName(k.kind)}</td>
                  <td className="num">{formatCount(k.runs, lang)}</td>
                  <td className="num">{formatCount(k.approved, lang)}</td>
                  <td className="num">{formatCount(k.approvedWithoutRework, lang)}</td>
                  <td className="num">{share(k.aiShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
