import { useState } from 'react'
import { ClaimsVerify } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { useVerifyClaims } from './queries'

type Props = {
  runId: string
  /** Pending claims of the draft, in the checklist's order. */
  pendingIds: string[]
  selected: ReadonlySet<string>
  onSelected: (ids: Set<string>) => void
}

/** One source for several claims at once: the fact-checker picks the claims one document proves. */
export function BulkVerify({ runId, pendingIds, selected, onSelected }: Props) {
  const { t } = useI18n()
  const [source, setSource] = useState('')
  const [localError, setLocalError] = useState<string | null>(null)
  const verify = useVerifyClaims(runId)
  // a claim checked one by one since it was picked is no longer pending: it is not sent again
  const picked = pendingIds.filter((id) => selected.has(id))
  const allPicked = pendingIds.length > 0 && picked.length === pendingIds.length

  const submit = () => {
    const parsed = ClaimsVerify.safeParse({ claimIds: picked, source })
    if (!parsed.success) {
      setLocalError(parsed.error.issues[0]?.path[0] === 'claimIds' ? t('claims.bulkNone') : t('claims.sourceRequired'))
      return
    }
    setLocalError(null)
    verify.mutate(parsed.data, {
      onSuccess: () => {
        setSource('')
        onSelected(new Set())
      },
    })
  }
  const error = localError ?? (verify.isError ? errorText(verify.error, t) : null)

  return (
    // laid out like one claim's controls: the source, then what it applies to, then the button
    <div className="claim-controls claims-bulk" data-testid="claims-bulk">
      <input
        data-testid="claims-bulk-source"
        aria-label={t('claims.sourceLabel')}
        placeholder={t('claims.sourcePlaceholder')}
        value={source}
        disabled={verify.isPending}
        onChange={(e) => {
          setSource(e.target.value)
          setLocalError(null)
        }}
      />
      <label className="small">
        <input
          type="checkbox"
          data-testid="claims-select-all"
          checked={allPicked}
          onChange={(e) => onSelected(e.target.checked ? new Set(pendingIds) : new Set())}
        />{' '}
        {t('claims.selectAll', { n: pendingIds.length })}
      </label>
      <button
        type="button"
        className="button button-small decision-pass"
        data-testid="claims-bulk-verify"
        disabled={verify.isPending || picked.length === 0}
        onClick={submit}
      >
        {t('claims.bulkVerify', { n: picked.length })}
      </button>
      {error && (
        <p className="form-error claim-error" role="alert" data-testid="claims-bulk-error">
          {error}
        </p>
      )}
    </div>
  )
}
