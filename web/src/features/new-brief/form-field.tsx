import type { ReactNode } from 'react'
import { useI18n } from '../../i18n'
import { fieldTestId, isFieldPath, type ControlPath, type FieldPath } from '../../lib/brief-fields'
import { FieldRiskMarks } from './risk-marks'

/** Attributes every control in the brief form carries: label link, test id, error state, help text. */
export type ControlProps = {
  id: string
  name: string
  'data-testid': string
  'aria-invalid': boolean
  'aria-describedby': string
}

type Props = {
  path: ControlPath
  error: string | undefined
  optional?: boolean
  /** Label and help of a control with no fixed field (a part of one interview of a set). */
  label?: string
  help?: string
  /** Renders the control with the shared attributes spread onto it. */
  children: (control: ControlProps) => ReactNode
  extra?: ReactNode
}

/** The element id of a control (`inputs.proofs` -> `field-inputs-proofs`), for labels and focus. */
export const controlId = (path: ControlPath) => `field-${path.replace(/\./g, '-')}`

export function FormField({ path, error, optional, label, help, children, extra }: Props) {
  const { t } = useI18n()
  const id = controlId(path)
  const helpId = `${id}-help`
  const errorId = `${id}-error`
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label ?? (isFieldPath(path) ? t(`field.${path}`) : path)}
        {optional && <span className="muted small"> ({t('form.optional')})</span>}
      </label>
      {children({
        id,
        name: path,
        'data-testid': fieldTestId(path),
        'aria-invalid': Boolean(error),
        'aria-describedby': error ? `${errorId} ${helpId}` : helpId,
      })}
      {extra}
      <FieldRiskMarks path={path} />
      {error && (
        <p id={errorId} className="field-error" data-testid={`field-error-${path}`}>
          {error}
        </p>
      )}
      <p id={helpId} className="field-help">
        {help ?? (isFieldPath(path) ? t(`help.${path}`) : '')}
      </p>
    </div>
  )
}

type TextProps = {
  path: FieldPath
  value: string
  onChange: (path: FieldPath, value: string) => void
  error: string | undefined
  optional?: boolean
  type?: 'text' | 'email' | 'date' | 'number'
  rows?: number
  min?: number
  max?: number
  extra?: ReactNode
}

/** A text input, or a textarea when `rows` is given. */
export function TextField({ path, value, onChange, error, optional, type = 'text', rows, min, max, extra }: TextProps) {
  return (
    <FormField path={path} error={error} optional={optional} extra={extra}>
      {(control) =>
        rows ? (
          <textarea {...control} rows={rows} value={value} onChange={(e) => onChange(path, e.target.value)} />
        ) : (
          <input {...control} type={type} min={min} max={max} value={value} onChange={(e) => onChange(path, e.target.value)} />
        )
      }
    </FormField>
  )
}
