import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { Link } from '../../lib/router'
import type { BriefFromResult } from './use-brief-from-result'

/** Where a prefilled form came from, and what the writer still has to do with it. */
export function ReuseNotice({ state }: { state: BriefFromResult }) {
  const { t } = useI18n()
  if (state.loading) {
    return (
      <p className="state state-loading" role="status" data-testid="brief-reuse-loading">
        <span className="spinner" aria-hidden="true" /> {t('form.reuseLoading')}
      </p>
    )
  }
  if (state.error) {
    return (
      <p className="form-error" role="alert" data-testid="brief-reuse-error">
        {t('form.reuseFailed', { message: errorText(state.error, t) })}
      </p>
    )
  }
  if (!state.loadedFrom) return null
  return (
    <div className="reuse-note" role="status" data-testid="brief-reused" data-run={state.loadedFrom}>
      <p>
        {t('form.reusedFrom')} <Link to={`/kb/results/${state.loadedFrom}`}>{t('form.reusedLink')}</Link>
      </p>
      <p className="small">{t('form.reusedHelp')}</p>
    </div>
  )
}
