import { useI18n } from '../../i18n'
import { isFieldPath } from '../../lib/brief-fields'

const LONG_TEXT = 600

function Value({ value }: { value: unknown }) {
  const { t } = useI18n()
  if (Array.isArray(value)) {
    return (
      <ul className="plain-list">
        {value.map((item, i) => (
          <li key={i}>{typeof item === 'string' ? item : JSON.stringify(item)}</li>
        ))}
      </ul>
    )
  }
  if (typeof value === 'string') {
    // Transcripts and keyword exports are long: show the start, keep the rest one click away.
    if (value.length > LONG_TEXT) {
      return (
        <details>
          <summary>
            <span className="pre-wrap">{value.slice(0, 200)}…</span> {t('brief.showFull', { n: value.length })}
          </summary>
          <div className="pre-wrap long-text">{value}</div>
        </details>
      )
    }
    return <span className="pre-wrap">{value}</span>
  }
  if (typeof value === 'number' || typeof value === 'boolean') return <>{String(value)}</>
  return <code>{JSON.stringify(value)}</code>
}

/** Kind inputs arrive as a free record (contracts/briefs.ts); known keys get their form label. */
export function BriefInputs({ inputs }: { inputs: Record<string, unknown> }) {
  const { t } = useI18n()
  const entries = Object.entries(inputs).filter(([, v]) => v !== undefined && v !== null && v !== '')
  if (entries.length === 0) return <p className="muted">{t('brief.noInputs')}</p>
  return (
    <dl className="details">
      {entries.map(([key, value]) => {
        const path = `inputs.${key}`
        return (
          <div key={key} className="details-row">
            <dt>{isFieldPath(path) ? t(`field.${path}`) : key}</dt>
            <dd>
              <Value value={value} />
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
