import type { Run } from '../../../../contracts/runs'
import { StatusBadge } from '../../components/status-badge'
import { useI18n } from '../../i18n'
import { versionLabel } from '../../lib/labels'
import { businessDays } from '../../lib/business-days'
import { formatDateTime, isPast } from '../../lib/format'
import { GateAssignee } from './gate-assignee'

const WAITING: ReadonlySet<string> = new Set(['open', 'pending'])

export function GatesTable({ run }: { run: Run }) {
  const { t, lang } = useI18n()
  const now = Date.now()
  const rows = [...run.gates].sort((a, b) => b.draftVersion - a.draftVersion || a.position - b.position)

  return (
    <div className="table-wrap">
      <table className="table gates">
        <thead>
          <tr>
            <th>{t('run.col.gate')}</th>
            <th>{t('run.col.role')}</th>
            <th>{t('run.col.status')}</th>
            <th>{t('run.col.assignee')}</th>
            <th>{t('run.col.due')}</th>
            <th>{t('run.col.sla')}</th>
            <th>{t('run.col.decided')}</th>
            <th>{t('run.col.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => {
            const overdue = WAITING.has(g.status) && isPast(g.dueAt, now)
            return (
              <tr
                key={g.id}
                data-testid="gate-row"
                data-gate={g.gate}
                data-status={g.status}
                data-decided-by={g.decidedBy ?? undefined}
                className={g.status === 'superseded' ? 'dimmed' : undefined}
              >
                <td className="nowrap">
                  {t(`gate.${g.gate}`)} <span className="muted small">{versionLabel(g.draftVersion, t)}</span>
                </td>
                <td>{t(`role.${g.role}`)}</td>
                <td>
                  <StatusBadge kind="gate" status={g.status} />
                </td>
                <td>
                  <GateAssignee run={run} gate={g} />
                </td>
                <td className={overdue ? 'overdue nowrap' : 'nowrap'} data-overdue={overdue || undefined}>
                  {formatDateTime(g.dueAt, lang)}
                  {overdue && <span className="small"> ({t('run.overdue')})</span>}
                  {overdue && g.escalateTo && (
                    <span className="small muted">
                      <br />
                      {t('run.escalatesTo', { role: t(`role.${g.escalateTo}`) })}
                    </span>
                  )}
                </td>
                <td className="nowrap">{businessDays(g.slaBusinessDays, t, lang)}</td>
                <td>
                  {g.decidedBy ? (
                    <>
                      {g.decidedBy}
                      <br />
                      <span className="muted small">{formatDateTime(g.decidedAt, lang)}</span>
                    </>
                  ) : (
                    t('common.none')
                  )}
                </td>
                <td className="pre-wrap">{g.comment || t('common.none')}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The gates of the current version on one line, for the folded gates card: where the review stands. */
export function GatesLine({ run }: { run: Run }) {
  const { t } = useI18n()
  const current = run.gates.filter((g) => g.draftVersion === run.draft?.version).sort((a, b) => a.position - b.position)
  return (
    <span className="gates-line small">
      {current.map((g) => (
        <span key={g.id} className="nowrap">
          {t(`gate.${g.gate}`)} <StatusBadge kind="gate" status={g.status} />
        </span>
      ))}
    </span>
  )
}
