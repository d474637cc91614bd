import { useState } from 'react'
import { ApprovedContent, type Run } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { fetchJson } from '../../lib/fetch-json'

const FORMATS = ['md', 'html', 'json'] as const

/**
 * An approved run's text, ready to leave Copydesk: as a file with the proof of its approval
 * (GET /api/runs/:id/export), or copied as it was approved. Only approved runs have it.
 */
export function ApprovedExport({ run }: { run: Run }) {
  const { t } = useI18n()
  const [state, setState] = useState<{ copied: boolean; error: string | null }>({ copied: false, error: null })
  if (run.status !== 'approved') return null
  const copy = async () => {
    try {
      // the frozen text of the approval, not whatever the page shows
      const { text } = await fetchJson(`/api/runs/${run.id}/export?format=json`, ApprovedContent)
      await navigator.clipboard.writeText(text)
      setState({ copied: true, error: null })
    } catch (err) {
      setState({ copied: false, error: errorText(err, t) })
    }
  }
  return (
    <section className="card approved-export" data-testid="approved-export">
      <h2>{t('export.title')}</h2>
      <p className="muted small">{t('export.help')}</p>
      <p className="export-actions">
        {FORMATS.map((f) => (
          <a key={f} className="button button-small" href={`/api/runs/${run.id}/export?format=${f}`} download data-testid={`export-${f}`}>
            {t(`export.${f}`)}
          </a>
        ))}
        <button type="button" className="button button-small" onClick={copy} data-testid="export-copy">
          {state.copied ? t('export.copied') : t('export.copy')}
        </button>
      </p>
      {state.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
    </section>
  )
}
