import { useId, useState } from 'react'
import { useI18n } from '../../i18n'
import { auditLogUrl, type UsageParams } from '../usage/queries'
import { AuditVerify } from './audit-verify'
import { CsvLink } from './csv-link'

/** Audit actions a CMO most often takes to a spreadsheet; the log holds more (GET /api/usage/log.csv without `action`). */
const ACTIONS = [
  'llm.call',
  'llm.refused',
  'pii.blocked',
  'pii.redacted',
  'gate.decision',
  'run.approved',
  'run.rejected',
  'draft.edited',
] as const
type Action = (typeof ACTIONS)[number]
const isAction = (s: string): s is Action => (ACTIONS as readonly string[]).includes(s)

/** The period's audit log as CSV: every row, or one action's. */
export function AuditLogExport({ params }: { params: UsageParams }) {
  const { t } = useI18n()
  const id = useId()
  const [action, setAction] = useState<Action | ''>('')
  return (
    <section className="card dash-section" data-testid="audit-log-export">
      <h2>{t('dash.log.title')}</h2>
      <p className="muted small">{t('dash.log.intro')}</p>
      <div className="log-export">
        <label htmlFor={id} className="field-label">
          {t('dash.log.action')}
        </label>
        <select
          id={id}
          data-testid="audit-log-action"
          value={action}
          onChange={(e) => setAction(isAction(e.target.value) ? e.target.value : '')}
        >
          <option value="">{t('dash.log.allActions')}</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`dash.log.action.${a}`)}
            </option>
          ))}
        </select>
        <CsvLink href={auditLogUrl(params, action || undefined)} testId="csv-log" label={t('dash.log.download')} />
      </div>
      <AuditVerify />
    </section>
  )
}
