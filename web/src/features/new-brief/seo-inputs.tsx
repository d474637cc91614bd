import { useState, type ChangeEvent } from 'react'
import { SEO_MODES } from '../../../../contracts/briefs'
import { useI18n } from '../../i18n'
import type { FieldPath } from '../../lib/brief-fields'
import { errorText } from '../../lib/error-text'
import { plural } from '../../lib/plural'
import { seoProblemDetail, seoProblemLabel } from '../../lib/seo-labels'
import { FormField, TextField } from './form-field'
import { currentSeoImport, type FormErrors, type FormValues } from './form-model'
import { useSeoImport } from './queries'
import { DEFAULT_THRESHOLDS, isSeoMode, countsUrls, MAX_UPLOAD_BYTES, type SeoImport } from './seo-model'

type Props = {
  values: FormValues
  errors: FormErrors
  onChange: (path: FieldPath, value: string) => void
  /** An export was uploaded: its CSV becomes the keywords text, its summary goes with the brief. */
  onImport: (result: SeoImport) => void
}

/** A long list of skipped rows (an export full of duplicates) shows its start; the count says the rest. */
const SHOWN_PROBLEMS = 50

const ENCODINGS: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (BOM)', 'windows-1251': 'Windows-1251', xlsx: 'XLSX' }

/** What the server made of the uploaded file: how many keywords, whether they carry result URLs, what it skipped. */
function ImportSummary({ result }: { result: SeoImport }) {
  const { t, lang } = useI18n()
  const { problems } = result
  return (
    <div
      className="seo-import"
      data-testid="seo-import-summary"
      data-keywords={result.keywords}
      data-with-urls={result.withUrls}
      data-encoding={result.encoding}
      data-skipped={problems.length}
    >
      <p className="small">
        {[
          plural('seo.n.keywords', result.keywords, t, lang),
          t(result.withUrls ? 'seo.import.withUrls' : 'seo.import.withoutUrls'),
          t('seo.import.encoding', { encoding: ENCODINGS[result.encoding] ?? result.encoding }),
          plural('seo.n.skipped', problems.length, t, lang),
        ].join(' · ')}
      </p>
      {problems.length > 0 && (
        <ul className="seo-problem-list small">
          {problems.slice(0, SHOWN_PROBLEMS).map((p) => (
            <li key={`${p.line}-${p.problem}`} data-testid="seo-import-problem" data-line={p.line} data-problem={p.problem}>
              {t('seo.problem.line', { line: p.line })}: {seoProblemLabel(p.problem, t)}{' '}
              <span className="muted">— {seoProblemDetail(p, t)}</span>
            </li>
          ))}
          {problems.length > SHOWN_PROBLEMS && <li className="muted">{t('seo.import.more', { n: problems.length - SHOWN_PROBLEMS })}</li>}
        </ul>
      )}
    </div>
  )
}

/**
 * The keyword export of an SEO brief. A file is read by the server (CSV/TSV in UTF-8 or
 * Windows-1251, or XLSX) into one normalised CSV, so the brief keeps text whatever was uploaded.
 */
export function SeoInputs({ values, errors, onChange, onImport }: Props) {
  const { t } = useI18n()
  const upload = useSeoImport()
  const [tooLarge, setTooLarge] = useState(false)
  const mode = values['inputs.mode']
  const csv = values['inputs.keywordsCsv']

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    setTooLarge(file.size > MAX_UPLOAD_BYTES)
    if (file.size > MAX_UPLOAD_BYTES) return
    upload.mutate(file, {
      onSuccess: onImport,
    })
  }

  // The summary describes the uploaded file: once the text is edited it no longer does.
  const current = currentSeoImport(values)
  const uploadError = tooLarge ? t('seo.import.tooLarge') : upload.isError ? errorText(upload.error, t) : null
  const byCount = isSeoMode(mode) && countsUrls(mode)

  return (
    <>
      <TextField
        path="inputs.keywordsCsv"
        value={csv}
        onChange={onChange}
        error={errors.fields['inputs.keywordsCsv']}
        rows={10}
        extra={
          <>
            <label className="file-load">
              {t('seo.import.label')}{' '}
              <input
                type="file"
                accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                data-testid="brief-inputs-keywordsCsv-file"
                disabled={upload.isPending}
                onChange={onFile}
              />
            </label>
            {upload.isPending && (
              <p className="state-loading small" role="status" data-testid="seo-import-pending">
                <span className="spinner" aria-hidden="true" /> {t('seo.import.reading')}
              </p>
            )}
            {uploadError && !upload.isPending && (
              <p className="field-error" role="alert" data-testid="seo-import-error">
                {uploadError}
              </p>
            )}
            {current && !upload.isPending && <ImportSummary result={current} />}
          </>
        }
      />
      <div className="field-row">
        <FormField
          path="inputs.mode"
          error={errors.fields['inputs.mode']}
          optional
          extra={
            <ul className="field-help seo-mode-help">
              <li>{t('seo.form.helpWeighted')}</li>
              <li>{t('seo.form.helpSoft')}</li>
              <li>{t('seo.form.helpModerate')}</li>
              <li>{t('seo.form.helpHard')}</li>
              <li>{t('seo.form.helpLexical')}</li>
              <li>{t('seo.form.helpSemantic')}</li>
            </ul>
          }
        >
          {(control) => (
            <select {...control} value={isSeoMode(mode) ? mode : ''} onChange={(e) => onChange('inputs.mode', e.target.value)}>
              <option value="">{t('seo.mode.auto')}</option>
              {SEO_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`seo.mode.${m}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          path="inputs.threshold"
          error={errors.fields['inputs.threshold']}
          optional
          help={t(
            !isSeoMode(mode)
              ? 'help.inputs.threshold'
              : byCount
                ? 'seo.form.thresholdHelpSerp'
                : mode === 'semantic'
                  ? 'seo.form.thresholdHelpSemantic'
                  : mode === 'serp-weighted'
                    ? 'seo.form.thresholdHelpWeighted'
                    : 'seo.form.thresholdHelpLexical',
          )}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="decimal"
              min={byCount ? 1 : 0}
              max={!isSeoMode(mode) || byCount ? 10 : 1}
              step={!isSeoMode(mode) ? 'any' : byCount ? 1 : 0.05}
              placeholder={!isSeoMode(mode) ? '' : String(DEFAULT_THRESHOLDS[mode])}
              value={values['inputs.threshold']}
              onChange={(e) => onChange('inputs.threshold', e.target.value)}
            />
          )}
        </FormField>
      </div>
    </>
  )
}
