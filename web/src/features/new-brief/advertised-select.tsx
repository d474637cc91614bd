import { useQuery } from '@tanstack/react-query'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { policyQuery } from '../policy/queries'
import { OTHER_SECTOR, sectorLabel } from '../policy/sector-label'
import type { ControlProps } from './form-field'
import { INFER_SECTOR } from './form-model'

type Props = { control: ControlProps; value: string; onChange: (value: string) => void }

/**
 * "What is advertised?": the policy's sectors (their law's rules apply by it, not by words),
 * "other", or an explicit "not sure: infer from the text". Nothing is preselected.
 */
export function AdvertisedSelect({ control, value, onChange }: Props) {
  const { t, lang } = useI18n()
  const policy = useQuery(policyQuery())
  const sectors = policy.data?.sectors ?? []
  // A restored form may hold a sector the policy no longer has: keep it visible, the server will say no.
  const stale = value !== '' && value !== INFER_SECTOR && value !== OTHER_SECTOR && policy.data && !sectors.some((s) => s.id === value)

  return (
    <>
      <select {...control} value={value} disabled={policy.isPending} onChange={(e) => onChange(e.target.value)}>
        <option value="" disabled>
          {policy.isPending ? t('common.loading') : t('form.chooseAdvertised')}
        </option>
        {sectors.map((s) => (
          <option key={s.id} value={s.id}>
            {sectorLabel(s.id, sectors, t, lang)}
          </option>
        ))}
        {stale && <option value={value}>{value}</option>}
        <option value={OTHER_SECTOR}>{t('sector.other')}</option>
        <option value={INFER_SECTOR}>{t('sector.infer')}</option>
      </select>
      {policy.isError && (
        <p className="field-error" role="alert">
          {t('form.sectorsFailed', { message: errorText(policy.error, t) })}
        </p>
      )}
    </>
  )
}
