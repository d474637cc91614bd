import { Lang } from '../../../../contracts/briefs'
import { useI18n } from '../../i18n'
import type { FieldPath } from '../../lib/brief-fields'
import { AdvertisedSelect } from './advertised-select'
import { ChannelSelect } from './channel-select'
import { FormField, TextField } from './form-field'
import type { FormErrors, FormValues } from './form-model'

type Props = {
  values: FormValues
  errors: FormErrors
  onChange: (path: FieldPath, value: string) => void
}

/** The team's standard brief template, the same for every kind. */
export function CommonFields({ values, errors, onChange }: Props) {
  const { t } = useI18n()
  const field = (path: FieldPath) => ({ path, value: values[path], onChange, error: errors.fields[path] })

  return (
    <>
      <TextField {...field('title')} />
      <TextField {...field('audience')} rows={3} />
      <TextField {...field('task')} rows={3} />
      <TextField {...field('offer')} rows={3} />
      <TextField {...field('format')} />
      <FormField path="advertised" error={errors.fields.advertised}>
        {(control) => <AdvertisedSelect control={control} value={values.advertised} onChange={(v) => onChange('advertised', v)} />}
      </FormField>
      <div className="field-row">
        <FormField path="channel" error={errors.fields.channel}>
          {(control) => <ChannelSelect control={control} value={values.channel} onChange={(v) => onChange('channel', v)} />}
        </FormField>
        <TextField {...field('deadline')} type="date" />
      </div>
      <TextField {...field('qualityCriteria')} rows={3} />
      <TextField {...field('successMetrics')} rows={2} />
      <div className="field-row">
        <TextField {...field('factCheckOwner')} type="email" optional />
        <FormField path="lang" error={errors.fields.lang} optional>
          {(control) => (
            <select {...control} value={values.lang} onChange={(e) => onChange('lang', e.target.value)}>
              <option value="auto">{t('common.auto')}</option>
              {Lang.options.map((l) => (
                <option key={l} value={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
    </>
  )
}
