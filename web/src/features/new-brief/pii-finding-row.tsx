import { useId, useState } from 'react'
import { PiiDismissal } from '../../../../contracts/briefs'
import { useI18n } from '../../i18n'
import { piiPathLabel, piiTypeLabel, snippet, type PiiFinding } from './pii-model'

type Props = {
  finding: PiiFinding
  /** The text of the finding's field as it was checked. */
  text: string
  dismissal: PiiDismissal | undefined
  /** The server's objection to this dismissal, if it made one. */
  issue: string | undefined
  onDismiss: (reason: string) => void
  onUndo: () => void
}

/** One finding with its context; a false positive can be dismissed with a reason, a checksummed id never. */
export function PiiFindingRow({ finding, text, dismissal, issue, onDismiss, onUndo }: Props) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const reasonId = useId()
  const errorId = useId()
  const typeLabel = piiTypeLabel(finding.type, t)
  const { before, match, after } = snippet(text, finding.start, finding.end)

  const confirm = () => {
    const parsed = PiiDismissal.shape.reason.safeParse(reason)
    if (!parsed.success) {
      setError(t('pii.reasonRequired'))
      return
    }
    onDismiss(parsed.data)
    setOpen(false)
    setReason('')
    setError(null)
  }

  return (
    <li
      className={dismissal ? 'pii-finding pii-dismissed' : 'pii-finding'}
      data-testid="pii-finding"
      data-type={finding.type}
      data-path={finding.path}
      data-dismissed={dismissal ? 'true' : 'false'}
    >
      <div className="pii-finding-main">
        <div className="pii-finding-head">
          <span className="pii-type" title={finding.type}>
            {typeLabel}
          </span>
          <span className="muted small">{piiPathLabel(finding.path, t)}</span>
        </div>
        <p className="pii-context" data-testid="pii-context">
          {before}
          <mark>{match}</mark>
          {after}
        </p>
      </div>
      <div className="pii-finding-side">
        {dismissal ? (
          <button type="button" className="button button-small" data-testid="pii-undo" onClick={onUndo}>
            {t('pii.undo')}
          </button>
        ) : (
          finding.dismissible &&
          !open && (
            <button type="button" className="button button-small" data-testid="pii-dismiss" onClick={() => setOpen(true)}>
              {t('pii.dismiss')}
            </button>
          )
        )}
      </div>

      {dismissal && (
        <p className="pii-note small" data-testid="pii-dismissed-reason">
          {t('pii.dismissedBecause')} <q>{dismissal.reason}</q>
        </p>
      )}
      {!finding.dismissible && (
        <p className="pii-note pii-locked small" data-testid="pii-locked">
          {t('pii.locked', { type: typeLabel })}
        </p>
      )}
      {open && !dismissal && (
        <div className="pii-dismiss-form">
          <label htmlFor={reasonId} className="field-label small">
            {t('pii.reasonLabel')}
          </label>
          <div className="pii-dismiss-controls">
            <input
              id={reasonId}
              data-testid="pii-dismiss-reason"
              value={reason}
              placeholder={t('pii.reasonPlaceholder')}
              maxLength={500}
              // biome-ignore lint/a11y/noAutofocus: the field opens because the writer just asked to dismiss a finding; the reason is what they type next
              autoFocus
              aria-invalid={Boolean(error)}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => {
                setReason(e.target.value)
                setError(null)
              }}
              onKeyDown={(e) => {
                // Enter confirms the dismissal; it must not submit the whole brief.
                if (e.key === 'Enter') {
                  e.preventDefault()
                  confirm()
                } else if (e.key === 'Escape') setOpen(false)
              }}
            />
            <button type="button" className="button button-small button-primary" data-testid="pii-dismiss-confirm" onClick={confirm}>
              {t('pii.confirm')}
            </button>
            <button type="button" className="button button-small" data-testid="pii-dismiss-cancel" onClick={() => setOpen(false)}>
              {t('pii.cancel')}
            </button>
          </div>
          {error && (
            <p id={errorId} className="field-error" role="alert" data-testid="pii-dismiss-error">
              {error}
            </p>
          )}
        </div>
      )}
      {issue && (
        <p className="field-error pii-issue" role="alert" data-testid="pii-issue">
          {issue}
        </p>
      )}
    </li>
  )
}
