import type { Run } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { engineLabel } from './engine-label'

export function DraftHistory({ drafts, current }: { drafts: Run['drafts']; current: number | undefined }) {
  const { t, lang } = useI18n()
  if (drafts.length === 0) return <p className="muted">{t('run.noHistory')}</p>
  const ordered = [...drafts].sort((a, b) => b.version - a.version)
  return (
    <ol className="history" data-testid="draft-history">
      {ordered.map((d) => (
        <li key={d.version} className={d.version === current ? 'current' : undefined} data-version={d.version} data-engine={d.engine}>
          <strong>{t('run.historyItem', { version: d.version, date: formatDateTime(d.createdAt, lang) })}</strong>{' '}
          <span className={`tag engine-${d.engine}`}>{engineLabel(d.engine, t)}</span>
          {d.feedback && (
            <>
              <p className="small muted">{t('run.feedback')}</p>
              <blockquote className="pre-wrap">{d.feedback}</blockquote>
            </>
          )}
        </li>
      ))}
    </ol>
  )
}
