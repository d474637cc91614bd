import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { BriefKind, CreateBrief } from '../../../../contracts/briefs'
import { useI18n } from '../../i18n'
import { TRANSCRIPTS_PATH, transcriptPath, type ControlPath, type FieldPath, type TranscriptPart } from '../../lib/brief-fields'
import { errorText } from '../../lib/error-text'
import { isApiError } from '../../lib/fetch-json'
import { Link, navigate } from '../../lib/router'
import { BudgetNotice } from './budget-notice'
import { CommonFields } from './common-fields'
import { controlId } from './form-field'
import {
  advertisedIssues,
  buildPayload,
  errorsFromServer,
  errorsFromZod,
  initialValues,
  noErrors,
  withoutErrors,
  type FormErrors,
  type FormValues,
} from './form-model'
import { KindInputs } from './kind-inputs'
import { PiiPanel } from './pii-panel'
import { piiCheckFields } from './pii-model'
import { useCreateBrief, useCreateRun } from './queries'
import { ReuseNotice } from './reuse-notice'
import { RiskMarksContext } from './risk-marks'
import { marksByControl, riskCheckBody } from './risk-model'
import { RiskPanel } from './risk-panel'
import { clearSavedBriefForm, loadBriefForm, saveBriefForm } from './saved-form'
import { thresholdIssues, type SeoImport } from './seo-model'
import { addTranscript, duplicateNames, editTranscript, removeTranscript, type Restructured } from './transcripts-model'
import { useBriefFromResult } from './use-brief-from-result'
import { useRiskCheck } from './use-risk-check'
import { usePiiReview } from './use-pii-review'

const focusFirstError = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('.brief-form [aria-invalid="true"]')?.focus())
const focusControl = (path: ControlPath) => requestAnimationFrame(() => document.getElementById(controlId(path))?.focus())

export function NewBriefPage() {
  const { t } = useI18n()
  const [initial] = useState(() => loadBriefForm())
  const [kind, setKind] = useState<BriefKind>(initial?.kind ?? 'offer')
  const [values, setValues] = useState(() => initial?.values ?? initialValues())
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [failure, setFailure] = useState<{ message: string; briefId?: string } | null>(null)
  const pii = usePiiReview(kind, values, initial?.piiDismissals)
  // The moment between pressing submit and the request going out (a last personal-data check).
  const [preparing, setPreparing] = useState(false)
  // A brief already saved for exactly this payload: a retry only starts the run, never a duplicate brief.
  const saved = useRef<{ body: string; briefId: string } | null>(null)
  const createBrief = useCreateBrief()
  const createRun = useCreateRun()
  const busy = preparing || createBrief.isPending || createRun.isPending
  const piiDismissals = pii.dismissals
  // The brief's own risk marks (under each field) and the gates its drafts will get; never blocks submit.
  const riskBody = useMemo(
    () => riskCheckBody(kind, values, piiCheckFields(kind, values), Object.values(piiDismissals)),
    [kind, values, piiDismissals],
  )
  const risk = useRiskCheck(riskBody)
  const marks = useMemo(() => marksByControl(risk.data), [risk.data])
  // "Start a new brief from this" in the knowledge base: that result's brief replaces the form.
  const fromResult = useBriefFromResult(
    useCallback((k: BriefKind, v: FormValues) => {
      setKind(k)
      setValues(v)
      setErrors(noErrors)
    }, []),
  )

  // Saved a moment after typing stops, and once more when the page goes away (an expired session
  // swaps it for the login screen). After a submit or a logout saving is a no-op (saved-form.ts).
  const latest = useRef({ kind, values, piiDismissals })
  useEffect(() => {
    latest.current = { kind, values, piiDismissals }
    const timer = window.setTimeout(() => saveBriefForm({ kind, values, piiDismissals }), 300)
    return () => window.clearTimeout(timer)
  }, [kind, values, piiDismissals])
  useEffect(() => () => saveBriefForm(latest.current), [])

  const onChange = (path: FieldPath, value: string) => {
    setValues((v) => ({ ...v, [path]: value }))
    // Once the user edits a flagged field, its old message no longer describes what is there.
    setErrors((e) => withoutErrors(e, (p) => p === path))
  }

  const onSeoImport = (result: SeoImport) => {
    setValues((v) => ({ ...v, 'inputs.keywordsCsv': result.csv, seoImport: result }))
    setErrors((e) => withoutErrors(e, (p) => p === 'inputs.keywordsCsv'))
  }

  // Interviews added or removed: the texts move to other paths, and their dismissals and errors with them.
  const restructure = (next: Restructured) => {
    setValues(next.values)
    pii.renamePaths(next.rename)
    setErrors((e) => withoutErrors(e, (p) => p.startsWith('inputs.transcript')))
    return next
  }
  const transcripts = {
    onEdit: (index: number, part: TranscriptPart, value: string) => {
      setValues((v) => editTranscript(v, index, part, value))
      setErrors((e) => withoutErrors(e, (p) => p === transcriptPath(index, part) || p === TRANSCRIPTS_PATH))
    },
    onAdd: () => {
      const next = restructure(addTranscript(values))
      focusControl(transcriptPath(next.values.transcripts.length - 1, 'text'))
    },
    onRemove: (index: number) => {
      const next = restructure(removeTranscript(values, index))
      const left = next.values.transcripts.length
      // Focus goes to the interview that took the removed one's place, or to the single transcript.
      focusControl(left === 0 ? 'inputs.transcript' : transcriptPath(Math.min(index, left - 1), 'text'))
    },
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    setFailure(null)
    const parsed = CreateBrief.safeParse(buildPayload(kind, values))
    // What the shared schema cannot see: no choice of what is advertised, two interviews of one name,
    // a threshold the chosen mode refuses.
    const extra = [
      ...advertisedIssues(values, t),
      ...(kind === 'interview_summary' ? duplicateNames(values.transcripts, t) : kind === 'seo_clusters' ? thresholdIssues(values, t) : []),
    ]
    if (!parsed.success || extra.length > 0) {
      setErrors(errorsFromZod(parsed.success ? [] : parsed.error.issues, t, extra))
      focusFirstError()
      return
    }
    setErrors(noErrors)
    setPreparing(true)
    const checked = await pii.prepare().finally(() => setPreparing(false))
    if (checked.blocking > 0) {
      // A `block` policy refuses the run of a brief with personal data: saving it would only fail later.
      setFailure({ message: t('pii.blockedSubmit', { n: checked.blocking }) })
      document.querySelector<HTMLElement>('[data-testid="pii-panel"]')?.scrollIntoView({ block: 'start' })
      return
    }
    const sent = checked.dismissals
    const data = sent.length > 0 ? { ...parsed.data, piiDismissals: sent } : parsed.data
    const body = JSON.stringify(data)

    let briefId = saved.current?.body === body ? saved.current.briefId : undefined
    if (!briefId) {
      try {
        briefId = (await createBrief.mutateAsync(data)).id
        saved.current = { body, briefId }
      } catch (err) {
        if (isApiError(err) && err.issues.length > 0) {
          // Objections to a dismissal are shown on its finding in the personal-data panel.
          setErrors(errorsFromServer(pii.takeIssues(err.issues, sent), t))
          focusFirstError()
        }
        setFailure({ message: errorText(err, t) })
        return
      }
    }
    try {
      const run = await createRun.mutateAsync(briefId)
      clearSavedBriefForm()
      navigate(`/runs/${run.id}`)
    } catch (err) {
      setFailure({ message: t('form.runFailed', { message: errorText(err, t) }), briefId })
    }
  }

  return (
    <section>
      <div className="page-head">
        <h1>{t('form.title')}</h1>
      </div>
      <p className="muted">{t('form.intro')}</p>
      <BudgetNotice />
      <ReuseNotice state={fromResult} />
      <RiskMarksContext.Provider value={marks}>
        <form className="brief-form card" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor="brief-kind" className="field-label">
              {t('form.kind')}
            </label>
            <select
              id="brief-kind"
              data-testid="brief-kind"
              value={kind}
              onChange={(e) => {
                const next = BriefKind.safeParse(e.target.value)
                if (next.success) setKind(next.data)
              }}
            >
              {BriefKind.options.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
            <p className="field-help">{t(`kindHelp.${kind}`)}</p>
          </div>

          <fieldset>
            <legend>{t('form.commonSection')}</legend>
            <CommonFields values={values} errors={errors} onChange={onChange} />
          </fieldset>
          <fieldset>
            <legend>
              {t('form.inputsSection')}: {t(`kind.${kind}`)}
            </legend>
            <KindInputs
              kind={kind}
              values={values}
              errors={errors}
              onChange={onChange}
              transcripts={transcripts}
              onSeoImport={onSeoImport}
            />
          </fieldset>

          <PiiPanel review={pii} />
          <RiskPanel check={risk} kind={kind} />

          {(failure || errors.other.length > 0 || Object.keys(errors.fields).length > 0) && (
            <div className="form-error" role="alert" data-testid="brief-error">
              {failure ? <p>{failure.message}</p> : <p>{t('form.fixErrors')}</p>}
              {failure?.briefId && <Link to={`/briefs/${failure.briefId}`}>{t('form.openBrief')}</Link>}
              {errors.other.length > 0 && (
                <>
                  <p>{t('form.otherIssues')}</p>
                  <ul>
                    {errors.other.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}

          <div className="form-actions">
            <button type="submit" className="button button-primary" data-testid="brief-submit" disabled={busy}>
              {busy ? t('form.submitting') : t('form.submit')}
            </button>
          </div>
        </form>
      </RiskMarksContext.Provider>
    </section>
  )
}
