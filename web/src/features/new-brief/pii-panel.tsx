import type { Lang } from '../../../../contracts/briefs'
import { useI18n, type Translate } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { piiKey } from './pii-model'
import { PiiFindingRow } from './pii-finding-row'
import type { PiiReview } from './use-pii-review'

type Status = 'empty' | 'checking' | 'clean' | 'found' | 'error'

function statusOf(check: PiiReview['check']): Status {
  if (check.noText) return 'empty'
  if (check.checking) return 'checking'
  if (check.error) return 'error'
  if (!check.data) return 'checking'
  return check.data.findings.length > 0 ? 'found' : 'clean'
}

/** "1 finding", «2 находки», «5 находок». */
function findingsText(n: number, t: Translate, lang: Lang) {
  const form = new Intl.PluralRules(lang).select(n)
  const key = form === 'one' || form === 'few' || form === 'many' ? form : 'other'
  return t(`pii.found.${key}`, { n })
}

/**
 * What the personal-data guard will do with this brief, checked as the writer types: each finding
 * in its context, false positives dismissable with a reason. It informs; in `redact` mode it never
 * stands between the writer and the submit button.
 */
export function PiiPanel({ review }: { review: PiiReview }) {
  const { t, lang } = useI18n()
  const { check, dismissals, issues } = review
  const data = check.data
  const findings = data?.findings ?? []
  const dismissed = findings.filter((f) => piiKey(f) in dismissals).length

  const status = statusOf(check)
  // Objections to no finding on screen (the text has changed since) are listed above the rows.
  const shown = new Set(findings.map(piiKey))
  const general = issues.filter((i) => i.key === null || !shown.has(i.key))

  return (
    <section className={`pii-panel pii-${status}`} data-testid="pii-panel" data-status={status} aria-labelledby="pii-title">
      <div className="pii-head">
        <h2 id="pii-title">{t('pii.title')}</h2>
        <p className="pii-status" role="status" aria-live="polite" data-testid="pii-status">
          {status === 'checking' && <span className="spinner" aria-hidden="true" />}
          {status === 'empty' && t('pii.empty')}
          {status === 'checking' && t('pii.checking')}
          {status === 'error' && t('pii.failed', { message: errorText(check.error, t) })}
          {status === 'clean' && t('pii.clean')}
          {status === 'found' && (
            <>
              <strong>{findingsText(findings.length, t, lang)}</strong>
              {dismissed > 0 && ` · ${t('pii.dismissedCount', { n: dismissed })}`}
            </>
          )}
          {status === 'error' && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={check.retry}>
                {t('common.retry')}
              </button>
            </>
          )}
        </p>
      </div>

      {status === 'error' && <p className="field-help pii-failed-hint">{t('pii.failedHint')}</p>}
      {data && findings.length > 0 && (
        <p className={data.mode === 'block' ? 'pii-mode pii-mode-block' : 'pii-mode'} data-testid="pii-mode" data-mode={data.mode}>
          {dismissed === findings.length ? t('pii.allDismissed') : t(data.mode === 'block' ? 'pii.modeBlock' : 'pii.modeRedact')}
        </p>
      )}
      {general.length > 0 && (
        <div className="form-error" role="alert" data-testid="pii-issues">
          {general.map((i) => (
            <p key={i.message}>{i.message}</p>
          ))}
        </div>
      )}
      {data && findings.length > 0 && (
        <ul className="pii-list">
          {findings.map((f) => {
            const key = piiKey(f)
            return (
              <PiiFindingRow
                key={key}
                finding={f}
                text={data.fields[f.path] ?? ''}
                dismissal={dismissals[key]}
                issue={issues.find((i) => i.key === key)?.message}
                onDismiss={(reason) => review.dismiss(f, reason)}
                onUndo={() => review.undo(f)}
              />
            )
          })}
        </ul>
      )}
      {data && findings.length > 0 && <p className="field-help">{t('pii.dismissHelp')}</p>}
    </section>
  )
}
