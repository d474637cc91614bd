import type { ResultRecord } from '../../../../contracts/kb'
import { useI18n } from '../../i18n'
import { versionLabel } from '../../lib/labels'
import { formatDateTime } from '../../lib/format'

/** Every gate decision on every version, oldest first, with who made it and why. */
export function RecordDecisions({ decisions }: { decisions: ResultRecord['decisions'] }) {
  const { t, lang } = useI18n()
  if (decisions.length === 0) return <p className="muted">{t('kb.noDecisions')}</p>
  return (
    <div className="table-wrap">
      <table className="table" data-testid="kb-decisions">
        <thead>
          <tr>
            <th scope="col">{t('dash.gates.gate')}</th>
            <th scope="col">{t('kb.col.version')}</th>
            <th scope="col">{t('dash.blocked.decision')}</th>
            <th scope="col">{t('kb.col.reviewer')}</th>
            <th scope="col">{t('kb.col.when')}</th>
            <th scope="col">{t('kb.col.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((d, i) => (
            <tr key={i} data-testid="kb-decision" data-gate={d.gate} data-decision={d.decision}>
              <td>{t(`gate.${d.gate}`)}</td>
              <td>{versionLabel(d.draftVersion, t)}</td>
              <td>
                <span className={`badge badge-decision-${d.decision}`}>{t(`decision.${d.decision}`)}</span>
              </td>
              <td>{d.reviewer.name}</td>
              <td className="nowrap">{formatDateTime(d.decidedAt, lang)}</td>
              <td className="pre-wrap">{d.comment || t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
