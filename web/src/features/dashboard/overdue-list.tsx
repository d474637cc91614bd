import type { GateView } from '../../../../contracts/usage'
import { useI18n } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { formatDays } from '../../lib/format-number'
import { gateLabel, roleLabel } from '../../lib/labels'
import { Link } from '../../lib/router'

/** The approvals stuck now, the latest first: each opens its run. */
export function OverdueList({ items }: { items: GateView['overdue'] }) {
  const { t, lang } = useI18n()
  if (items.length === 0)
    return (
      <p className="muted" data-testid="overdue-empty">
        {t('dash.overdue.none')}
      </p>
    )
  return (
    <div className="table-wrap">
      <table className="table" data-testid="overdue-table">
        <thead>
          <tr>
            <th scope="col">{t('dash.overdue.brief')}</th>
            <th scope="col">{t('dash.gates.gate')}</th>
            <th scope="col">{t('dash.overdue.waitsFor')}</th>
            <th scope="col">{t('dash.overdue.author')}</th>
            <th scope="col">{t('dash.overdue.due')}</th>
            <th scope="col" className="num">
              {t('dash.overdue.late')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.gateId} data-testid="overdue-row" data-run={o.runId} data-gate={o.gate}>
              <td>
                <Link to={`/runs/${o.runId}`} data-testid="overdue-link">
                  {o.briefTitle}
                </Link>
              </td>
              <td>{gateLabel(o.gate, t)}</td>
              <td>{o.assignee ?? roleLabel(o.role, t)}</td>
              <td>{o.author}</td>
              <td className="nowrap">{formatDateTime(o.dueAt, lang)}</td>
              <td className="num overdue">{formatDays(o.daysOverdue, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
