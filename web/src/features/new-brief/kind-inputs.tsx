import type { BriefKind } from '../../../../contracts/briefs'
import { useI18n } from '../../i18n'
import type { FieldPath } from '../../lib/brief-fields'
import { TextField } from './form-field'
import type { FormErrors, FormValues } from './form-model'
import { TranscriptInputs, type TranscriptHandlers } from './transcript-inputs'

type Props = {
  kind: BriefKind
  values: FormValues
  errors: FormErrors
  onChange: (path: FieldPath, value: string) => void
  transcripts: TranscriptHandlers
}

/** The inputs only one kind of brief needs. */
export function KindInputs({ kind, values, errors, onChange, transcripts }: Props) {
  const { t } = useI18n()
  const field = (path: FieldPath) => ({ path, value: values[path], onChange, error: errors.fields[path] })

  switch (kind) {
    case 'offer':
      return (
        <>
          <TextField {...field('inputs.product')} optional />
          <TextField {...field('inputs.timeframe')} optional />
          <TextField {...field('inputs.method')} optional rows={2} />
          <TextField {...field('inputs.differentiator')} optional rows={2} />
          <TextField {...field('inputs.proofs')} optional rows={4} />
        </>
      )
    case 'headlines':
      return (
        <>
          <TextField {...field('inputs.count')} type="number" min={1} max={30} />
          <TextField {...field('inputs.keyPhrases')} optional rows={4} />
        </>
      )
    case 'interview_summary':
      return <TranscriptInputs values={values} errors={errors} onChange={onChange} {...transcripts} />
    case 'seo_clusters':
      return (
        <TextField
          {...field('inputs.keywordsCsv')}
          rows={10}
          extra={
            <label className="file-load">
              {t('form.loadFile')}{' '}
              <input
                type="file"
                accept=".csv,.tsv,.txt,text/csv,text/plain"
                data-testid="brief-inputs-keywordsCsv-file"
                onChange={(e) => {
                  const file = e.target.files?.[0]
                  if (file) void file.text().then((text) => onChange('inputs.keywordsCsv', text))
                  e.target.value = ''
                }}
              />
            </label>
          }
        />
      )
  }
}
