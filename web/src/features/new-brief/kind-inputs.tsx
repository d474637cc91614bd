import type { BriefKind } from '../../../../contracts/briefs'
import type { FieldPath } from '../../lib/brief-fields'
import { TextField } from './form-field'
import type { FormErrors, FormValues } from './form-model'
import { SeoInputs } from './seo-inputs'
import type { SeoImport } from './seo-model'
import { TranscriptInputs, type TranscriptHandlers } from './transcript-inputs'

type Props = {
  kind: BriefKind
  values: FormValues
  errors: FormErrors
  onChange: (path: FieldPath, value: string) => void
  transcripts: TranscriptHandlers
  onSeoImport: (result: SeoImport) => void
}

/** The inputs only one kind of brief needs. */
export function KindInputs({ kind, values, errors, onChange, transcripts, onSeoImport }: Props) {
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
      return <SeoInputs values={values} errors={errors} onChange={onChange} onImport={onSeoImport} />
  }
}
