import { useState } from 'react'
import { ClaimUpdate, type Claim } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { formatDateTime } from '../../lib/format'
import { useCheckClaim } from './queries'

/** A claim taken from a list line keeps its bullet in the data; the quote reads better without it. */
const displayText = (text: string) => text.replace(/^\s*[-•–—]\s+/, '')

type Props = {
  runId: string
  claim: Claim
  /** Controls are shown while the fact check is open; enabled only for the person who may check. */
  showControls: boolean
  enabled: boolean
  /** Picked for one source with others (claims-checklist.tsx); undefined: not offered. */
  selected?: boolean
  onSelect?: (selected: boolean) => void
}

const MARKS = [
  { status: 'verified', className: 'decision-pass', testId: 'claim-verify', label: 'claims.verify' },
  { status: 'rejected', className: 'decision-reject', testId: 'claim-reject', label: 'claims.reject' },
] as const

export function ClaimRow({ runId, claim, showControls, enabled, selected, onSelect }: Props) {
  const { t, lang } = useI18n()
  const [source, setSource] = useState(claim.source ?? '')
  const [localError, setLocalError] = useState<string | null>(null)
  const check = useCheckClaim(runId)

  const mark = (status: ClaimUpdate['status']) => {
    const parsed = ClaimUpdate.safeParse({ status, source })
    if (!parsed.success) {
      setLocalError(t('claims.sourceRequired'))
      return
    }
    setLocalError(null)
    check.mutate({ claimId: claim.id, body: parsed.data })
  }
  const error = localError ?? (check.isError ? errorText(check.error, t) : null)
  const sourceId = `claim-source-${claim.id}`

  return (
    <li className={`claim-row claim-${claim.status}`} data-testid="claim-row" data-status={claim.status} data-claim={claim.id}>
      <div className="claim-main">
        {onSelect && (
          <input
            type="checkbox"
            data-testid="claim-select"
            aria-label={t('claims.select')}
            checked={selected ?? false}
            disabled={!enabled}
            onChange={(e) => onSelect(e.target.checked)}
          />
        )}
        <span className={`badge badge-claim-${claim.status}`}>{t(`claimStatus.${claim.status}`)}</span>
        {claim.carriedFrom && (
          <span className="badge" data-testid="claim-carried" data-from={claim.carriedFrom.draftVersion} title={t('claims.carriedHelp')}>
            {t('claims.carried', { version: claim.carriedFrom.draftVersion })}
          </span>
        )}
        <q className="claim-text">{displayText(claim.text)}</q>
        {claim.checkedBy && (
          <p className="small muted claim-checked">
            {t('claims.checkedBy', { who: claim.checkedBy, date: formatDateTime(claim.checkedAt, lang) })}
            {claim.source && (
              <>
                {' · '}
                {t('claims.source')}: <span className="claim-source-text">{claim.source}</span>
              </>
            )}
          </p>
        )}
      </div>
      {showControls && (
        <div className="claim-controls">
          <label htmlFor={sourceId} className="visually-hidden">
            {t('claims.sourceLabel')}
          </label>
          <input
            id={sourceId}
            data-testid="claim-source"
            placeholder={t('claims.sourcePlaceholder')}
            value={source}
            disabled={!enabled || check.isPending}
            aria-invalid={Boolean(localError)}
            onChange={(e) => {
              setSource(e.target.value)
              setLocalError(null)
            }}
          />
          {MARKS.map(({ status, className, testId, label }) => (
            <button
              key={status}
              type="button"
              className={`button button-small ${className}`}
              data-testid={testId}
              disabled={!enabled || check.isPending}
              onClick={() => mark(status)}
            >
              {t(label)}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="form-error claim-error" role="alert" data-testid="claim-error">
          {error}
        </p>
      )}
    </li>
  )
}
