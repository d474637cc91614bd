import { useState } from 'react'
import { Decision, DecisionRequest, type Draft, type Gate } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { langAttr } from '../../lib/rule-text'
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
  /**
   * Mandatory wording the draft lacks, at a gate where the run's policy holds a pass back for it
   * (empty elsewhere): a pass then needs a reason, which is kept on record.
   */
  missing: Draft['missing']
  /** A paid ad's release: a pass names the erid the ad-data operator issued (38-FZ art. 18.1). */
  needsErid: boolean
}

/** One open gate the current user may decide. The server re-checks everything; this only shapes the UI. */
export function DecisionPanel({ runId, gate, canDecide, canWaive, passBlocked, missing, needsErid }: Props) {
  const { t, lang } = useI18n()
  const [comment, setComment] = useState('')
  const [waiveMissing, setWaiveMissing] = useState('')
  const [erid, setErid] = useState('')
  const [localError, setLocalError] = useState<string | null>(null)
  const decision = useDecision(runId)

  const withoutWording = missing.length > 0
  const decide = (d: Decision) => {
    if (d === 'pass' && withoutWording && waiveMissing.trim().length < 10) {
      setLocalError(t('decision.waiveMissingRequired'))
      return
    }
    if (d === 'pass' && needsErid && erid.trim() === '') {
      setLocalError(t('decision.eridRequired'))
      return
    }
    const waiver = d === 'pass' && withoutWording ? { waiveMissing } : {}
    const marking = d === 'pass' && needsErid ? { erid } : {}
    const parsed = DecisionRequest.safeParse({ decision: d, comment, ...waiver, ...marking })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      setLocalError(
        issue?.path[0] === 'erid'
          ? t('decision.eridFormat')
          : !issue || issue.code === 'custom'
            ? t('validation.commentRequired')
            : zodIssueText(issue, t),
      )
      return
    }
    setLocalError(null)
    decision.mutate(
      { gateId: gate.id, body: parsed.data },
      {
        onSuccess: () => {
          setComment('')
          setWaiveMissing('')
        },
      },
    )
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
          rows={3}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value)
            setLocalError(null)
          }}
        />
        <p className="field-help">{canWaive ? t('decision.commentHelpWaive') : t('decision.commentHelp')}</p>
      </div>
      {withoutWording && canDecide && (
        <div className="state state-warn small" role="note" data-testid="decision-missing">
          <strong>{t('decision.missingTitle')}</strong>
          <ul className="missing-list">
            {missing.map((m) => (
              <li key={`${m.rule} ${m.requirement}`} data-testid="decision-missing-wording" data-requirement={m.requirement}>
                <q lang={langAttr(m.wording, lang)}>{m.wording}</q>{' '}
                <span className="muted">({m.title ? m.title[lang] : m.requirement})</span>
              </li>
            ))}
          </ul>
          <p>{t('decision.missingText')}</p>
          <div className="field">
            <label htmlFor={`decision-waive-missing-${gate.id}`} className="field-label">
              {t('decision.waiveMissing')}
            </label>
            <textarea
              id={`decision-waive-missing-${gate.id}`}
              data-testid="decision-waive-missing"
              rows={2}
              value={waiveMissing}
              onChange={(e) => {
                setWaiveMissing(e.target.value)
                setLocalError(null)
              }}
            />
            <p className="field-help">{t('decision.waiveMissingHelp')}</p>
          </div>
        </div>
      )}
      {needsErid && canDecide && (
        <div className="field">
          <label htmlFor={`decision-erid-${gate.id}`} className="field-label">
            {t('decision.erid')}
          </label>
          <input
            id={`decision-erid-${gate.id}`}
            data-testid="decision-erid"
            value={erid}
            autoComplete="off"
            onChange={(e) => {
              setErid(e.target.value)
              setLocalError(null)
            }}
          />
          <p className="field-help">{t('decision.eridHelp')}</p>
        </div>
      )}
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
