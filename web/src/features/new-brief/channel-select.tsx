import { useQuery } from '@tanstack/react-query'
import { useI18n } from '../../i18n'
import { channelLabel } from '../../lib/channel-label'
import { errorText } from '../../lib/error-text'
import { policyQuery } from '../policy/queries'
import type { ControlProps } from './form-field'

type Props = { control: ControlProps; value: string; onChange: (value: string) => void }

/** The channels the active policy allows (its rules are per channel); paid ads are marked. */
export function ChannelSelect({ control, value, onChange }: Props) {
  const { t } = useI18n()
  const policy = useQuery(policyQuery())
  const channels = policy.data?.channels ?? []
  const paid = new Set(policy.data?.paidAdChannels ?? [])
  // A restored form may hold a channel the policy no longer lists: keep it visible, the server will say no.
  const options = value && policy.data && !channels.includes(value) ? [...channels, value] : channels

  return (
    <>
      <select {...control} value={value} disabled={policy.isPending} onChange={(e) => onChange(e.target.value)}>
        <option value="">{policy.isPending ? t('common.loading') : t('form.chooseChannel')}</option>
        {options.map((c) => (
          <option key={c} value={c}>
            {channelLabel(c, t)}
            {paid.has(c) ? ` — ${t('policy.paidAd')}` : ''}
          </option>
        ))}
      </select>
      {policy.isError && (
        <p className="field-error" role="alert">
          {t('form.channelsFailed', { message: errorText(policy.error, t) })}
        </p>
      )}
    </>
  )
}
