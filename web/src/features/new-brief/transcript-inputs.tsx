import { useId } from 'react'
import { useI18n } from '../../i18n'
import { TRANSCRIPTS_PATH, transcriptPath, type FieldPath, type TranscriptPart } from '../../lib/brief-fields'
import { FormField, TextField } from './form-field'
import type { FormErrors, FormValues } from './form-model'
import { MAX_TRANSCRIPTS, segmentSuggestions } from './transcripts-model'

export type TranscriptHandlers = {
  onEdit: (index: number, part: TranscriptPart, value: string) => void
  onAdd: () => void
  onRemove: (index: number) => void
}

type Props = TranscriptHandlers & {
  values: FormValues
  errors: FormErrors
  onChange: (path: FieldPath, value: string) => void
}

function AddButton({ count, onAdd }: { count: number; onAdd: () => void }) {
  const { t } = useI18n()
  const full = count >= MAX_TRANSCRIPTS
  return (
    <div className="transcript-add">
      <button type="button" className="button button-small" data-testid="brief-add-transcript" disabled={full} onClick={onAdd}>
        {t('form.addTranscript')}
      </button>{' '}
      <span className="field-help">{full ? t('form.transcriptsFull', { n: MAX_TRANSCRIPTS }) : t('form.addTranscriptHelp')}</span>
    </div>
  )
}

/**
 * The interview input: one transcript by default, or a set for a synthesis (objection map across
 * interviews, segments compared), each with an optional name and segment.
 */
export function TranscriptInputs({ values, errors, onChange, onEdit, onAdd, onRemove }: Props) {
  const { t } = useI18n()
  const segmentsId = useId()
  const items = values.transcripts

  if (items.length === 0) {
    return (
      <>
        <TextField
          path="inputs.transcript"
          value={values['inputs.transcript']}
          onChange={onChange}
          error={errors.fields['inputs.transcript']}
          rows={14}
        />
        <AddButton count={1} onAdd={onAdd} />
      </>
    )
  }

  const listError = errors.fields[TRANSCRIPTS_PATH]
  return (
    <div className="transcript-set" data-testid="brief-transcripts" data-count={items.length}>
      <p className="field-label">{t('form.transcriptsTitle', { n: items.length })}</p>
      <p className="field-help">{t('help.inputs.transcripts')}</p>
      {listError && (
        <p className="field-error" role="alert" data-testid={`field-error-${TRANSCRIPTS_PATH}`}>
          {listError}
        </p>
      )}
      <datalist id={segmentsId}>
        {segmentSuggestions(items, t).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <ol className="transcript-list">
        {items.map((item, i) => {
          const n = i + 1
          const path = (part: TranscriptPart) => transcriptPath(i, part)
          return (
            <li key={item.uid} className="transcript-item" data-testid="brief-transcript-item">
              <div className="transcript-item-head">
                <h3>{t('form.transcriptN', { n })}</h3>
                <button
                  type="button"
                  className="button button-small"
                  data-testid="brief-remove-transcript"
                  aria-label={t('form.removeTranscriptN', { n })}
                  onClick={() => onRemove(i)}
                >
                  {t('form.removeTranscript')}
                </button>
              </div>
              <div className="field-row">
                <FormField
                  path={path('id')}
                  error={errors.fields[path('id')]}
                  label={t('form.transcriptId')}
                  help={t('form.transcriptIdHelp')}
                  optional
                >
                  {(control) => <input {...control} maxLength={100} value={item.id} onChange={(e) => onEdit(i, 'id', e.target.value)} />}
                </FormField>
                <FormField
                  path={path('segment')}
                  error={errors.fields[path('segment')]}
                  label={t('form.transcriptSegment')}
                  help={t('form.transcriptSegmentHelp')}
                  optional
                >
                  {(control) => (
                    <input
                      {...control}
                      list={segmentsId}
                      maxLength={100}
                      value={item.segment}
                      onChange={(e) => onEdit(i, 'segment', e.target.value)}
                    />
                  )}
                </FormField>
              </div>
              <FormField
                path={path('text')}
                error={errors.fields[path('text')]}
                label={t('form.transcriptText')}
                help={t('form.transcriptTextHelp')}
              >
                {(control) => <textarea {...control} rows={10} value={item.text} onChange={(e) => onEdit(i, 'text', e.target.value)} />}
              </FormField>
            </li>
          )
        })}
      </ol>
      <AddButton count={items.length} onAdd={onAdd} />
    </div>
  )
}
