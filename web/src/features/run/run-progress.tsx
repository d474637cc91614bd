import type { Run } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { formatShare } from '../../lib/format'

/**
 * While a run drafts: what its worker is doing and how much of it is done (a 100,000-keyword plan
 * takes minutes), from the job's latest report; the page is polled while the run is active.
 */
export function RunProgress({ progress }: { progress: Run['progress'] }) {
  const { t, lang } = useI18n()
  const counted = progress !== null && progress.total > 0
  const share = counted ? progress.done / progress.total : 0
  const count = (n: number) => n.toLocaleString(lang)
  return (
    <div className="state state-loading run-progress-box" role="status" data-testid="run-waiting" data-stage={progress?.stage ?? ''}>
      <p>
        <span className="spinner" aria-hidden="true" /> {progress ? t(`progress.${progress.stage}`) : t('run.waiting')}
        {counted && (
          <span className="muted" data-testid="run-progress-share">
            {' '}
            — {t('progress.share', { share: formatShare(share, lang), done: count(progress.done), total: count(progress.total) })}
          </span>
        )}
      </p>
      {counted && (
        <progress className="run-progress" max={progress.total} value={progress.done} aria-label={t(`progress.${progress.stage}`)} />
      )}
      {progress && <p className="muted small">{t('run.waitingNote')}</p>}
    </div>
  )
}
