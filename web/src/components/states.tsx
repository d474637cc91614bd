import type { ReactNode } from 'react'
import { useI18n } from '../i18n'
import { errorText } from '../lib/error-text'
import { isApiError } from '../lib/fetch-json'

export function Loading() {
  const { t } = useI18n()
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('common.loading')}
    </p>
  )
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n()
  const requestId = isApiError(error) ? error.requestId : undefined
  return (
    <div className="state state-error" role="alert">
      <strong>{t('common.error')}</strong>
      <p>{errorText(error, t)}</p>
      {requestId && <p className="muted small">{t('common.requestId', { id: requestId })}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}

export function EmptyState({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="state state-empty" data-testid={testId}>
      {children}
    </div>
  )
}
