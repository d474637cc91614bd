import { useQuery } from '@tanstack/react-query'
import type { Brief } from '../../../../contracts/briefs'
import { useI18n } from '../../i18n'
import { channelLabel } from '../../lib/channel-label'
import { formatDate } from '../../lib/format'
import { policyQuery } from '../policy/queries'
import { sectorLabel } from '../policy/sector-label'

const TEXT_FIELDS = ['audience', 'task', 'offer', 'format', 'qualityCriteria', 'successMetrics'] as const

type Shown = Pick<Brief, (typeof TEXT_FIELDS)[number] | 'channel' | 'deadline' | 'lang'> & {
  factCheckOwner?: string | null
  advertised?: string | null
}

/** A brief's fields as a definition list: the brief page, and the knowledge base's record of a result. */
export function BriefFields({ brief, testId }: { brief: Shown; testId?: string }) {
  const { t, lang } = useI18n()
  const policy = useQuery({ ...policyQuery(), enabled: Boolean(brief.advertised) })
  return (
    <dl className="details" data-testid={testId}>
      {TEXT_FIELDS.map((f) => (
        <div key={f} className="details-row">
          <dt>{t(`field.${f}`)}</dt>
          <dd className="pre-wrap">{brief[f]}</dd>
        </div>
      ))}
      {/* what it advertises: the sector whose rules apply (null: inferred from the text) */}
      {brief.advertised !== undefined && (
        <div className="details-row">
          <dt>{t('field.advertised')}</dt>
          <dd data-testid="brief-advertised" data-sector={brief.advertised ?? ''}>
            {brief.advertised === null ? t('brief.advertisedInferred') : sectorLabel(brief.advertised, policy.data?.sectors, t, lang)}
          </dd>
        </div>
      )}
      <div className="details-row">
        <dt>{t('field.channel')}</dt>
        <dd>{channelLabel(brief.channel, t)}</dd>
      </div>
      <div className="details-row">
        <dt>{t('field.deadline')}</dt>
        <dd>{formatDate(brief.deadline, lang)}</dd>
      </div>
      {/* the knowledge base does not show who owned the fact-check: its record has no such field */}
      {brief.factCheckOwner !== undefined && (
        <div className="details-row">
          <dt>{t('field.factCheckOwner')}</dt>
          <dd>{brief.factCheckOwner ?? t('common.none')}</dd>
        </div>
      )}
      <div className="details-row">
        <dt>{t('field.lang')}</dt>
        <dd>{t(`lang.${brief.lang}`)}</dd>
      </div>
    </dl>
  )
}
