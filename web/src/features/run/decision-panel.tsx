import { useState } from 'react'
import { Decision, DecisionRequest, type Gate } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { zodIssueText } from '../../lib/zod-issue-text'
import { useDecision } from './queries'

type Props = {
  runId: string
  gate: Gate
  /** Pass, request changes and reject: the gate's role and assignee. */
  canDecide: boolean
  /** Waive: a role the policy lists in the gate's waivableBy. */
  canWaive: boolean
  /** Why passing cannot succeed yet (claims unverified, personal data), or null. */
  passBlocked: string | null
}

/** One open gate the current user may decide. The server re-checks everything; this only shapes the UI. */
export function DecisionPanel({ runId, gate, canDecide, canWaive, passBlocked }: Props) {
  const { t } = useI18n()
  const [comment, setComment] = useState('')
  const [localError, setLocalError] = useState<string | null>(null)
  const decision = useDecision(runId)

  const decide = (d: Decision) => {
    const parsed = DecisionRequest.safeParse({ decision: d, comment })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      setLocalError(!issue || issue.code === 'custom' ? t('validation.commentRequired') : zodIssueText(issue, t))
      return
    }
    setLocalError(null)
    decision.mutate({ gateId: gate.id, body: parsed.data }, { onSuccess: () => setComment('') })
  }

  const options = Decision.options.filter((d) => (d === 'waive' ? canWaive : canDecide))
  const error = localError ?? (decision.isError ? errorText(decision.error, t) : null)

  return (
    <div className="card decision-panel" data-testid="decision-panel" data-gate={gate.gate}>
      <h2>{t('decision.title', { gate: t(`gate.${gate.gate}`) })}</h2>
      <div className="field">
        <label htmlFor={`decision-comment-${gate.id}`} className="field-label">
          {t('decision.comment')}
        </label>
        <textarea
          id={`decision-comment-${gate.id}`}
          data-testid="decision-comment"
          rows={4}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value)
            setLocalError(null)
          }}
        />
        <p className="field-help">{canWaive ? t('decision.commentHelpWaive') : t('decision.commentHelp')}</p>
      </div>
      {passBlocked && canDecide && (
        <p className="state state-warn small" data-testid="decision-blocked">
          {passBlocked}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="decision-error">
          {error}
        </p>
      )}
      <div className="decision-buttons">
        {options.map((d) => (
          <button
            key={d}
            type="button"
            className={`button decision-${d}`}
            data-testid={`decision-${d}`}
            disabled={decision.isPending || (d === 'pass' && passBlocked !== null)}
            onClick={() => decide(d)}
          >
            {t(`decision.${d}`)}
          </button>
        ))}
      </div>
      {decision.isPending && <p className="muted small">{t('decision.sending')}</p>}
    </div>
  )
}
