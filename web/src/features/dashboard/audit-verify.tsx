import { useMutation } from '@tanstack/react-query'
import { AuditCheck } from '../../../../contracts/usage'
import { type Translate, useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { fetchJson } from '../../lib/fetch-json'

const MISMATCHES = ['gate_without_decision', 'decision_not_logged', 'approval_not_logged', 'final_text_differs', 'log_emptied'] as const
const isMismatch = (kind: string): kind is (typeof MISMATCHES)[number] => (MISMATCHES as readonly string[]).includes(kind)
const mismatchLabel = (kind: string, t: Translate) => (isMismatch(kind) ? t(`dash.verify.mismatch.${kind}`) : kind)

/**
 * Proof the log was not edited: the server recomputes the whole hash chain (seconds on a year of
 * rows) and names the first changed, missing or reordered row. Only on request.
 */
export function AuditVerify() {
  const { t, lang } = useI18n()
  const check = useMutation({ mutationFn: () => fetchJson('/api/usage/verify', AuditCheck, { method: 'POST' }) })
  const r = check.data
  return (
    <div className="audit-verify" data-testid="audit-verify">
      <button type="button" className="button" data-testid="audit-verify-button" disabled={check.isPending} onClick={() => check.mutate()}>
        {check.isPending ? t('dash.verify.running') : t('dash.verify.button')}
      </button>
      {check.isError && (
        <p className="field-error" role="alert">
          {errorText(check.error, t)}
        </p>
      )}
      {r && (
        <p
          className={r.ok ? 'verify-ok' : 'verify-broken'}
          role="status"
          data-testid="audit-verify-result"
          data-ok={r.ok}
          data-rows={r.rows}
        >
          {r.ok
            ? t('dash.verify.ok', { rows: r.rows.toLocaleString(lang), head: r.head ?? '', seconds: r.seconds.toLocaleString(lang) })
            : r.problem === 'disagree'
              ? t('dash.verify.disagree', {
                  list: r.mismatches.map((m) => `${mismatchLabel(m.kind, t)} (${m.id})`).join('; '),
                })
              : t('dash.verify.broken', {
                  seq: String(r.badSeq),
                  reason: r.problem ? t(`dash.verify.problem.${r.problem}`, { seq: String(r.badSeq) }) : (r.reason ?? ''),
                  rows: r.rows.toLocaleString(lang),
                })}
        </p>
      )}
    </div>
  )
}
