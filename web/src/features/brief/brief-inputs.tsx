import { z } from 'zod'
import { InterviewTranscript } from '../../../../contracts/briefs'
import { useI18n } from '../../i18n'
import { isFieldPath } from '../../lib/brief-fields'

const LONG_TEXT = 600
const Transcripts = z.array(InterviewTranscript)

/** A set of interviews: each behind a disclosure named by its id and segment. */
function TranscriptList({ items }: { items: z.infer<typeof Transcripts> }) {
  const { t } = useI18n()
  return (
    <ol className="plain-list">
      {items.map((x, i) => (
        <li key={i}>
          <details>
            <summary>
              {x.id ?? t('form.transcriptN', { n: i + 1 })}
              {x.segment && <span className="muted"> · {x.segment}</span>}{' '}
              <span className="muted small">({t('brief.chars', { n: x.text.length })})</span>
            </summary>
            <div className="pre-wrap long-text">{x.text}</div>
          </details>
        </li>
      ))}
    </ol>
  )
}

function Value({ value }: { value: unknown }) {
  const { t } = useI18n()
  const transcripts = Transcripts.safeParse(value)
  if (transcripts.success && transcripts.data.length > 0) return <TranscriptList items={transcripts.data} />
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
            <dt>{isFieldPath(path) ? t(`field.${path}`) : path === 'inputs.transcripts' ? t('field.inputs.transcripts') : key}</dt>
            <dd>
              <Value value={value} />
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
