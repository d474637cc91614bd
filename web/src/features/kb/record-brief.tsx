import type { ResultRecord } from '../../../../contracts/kb'
import { useI18n } from '../../i18n'
import { channelLabel } from '../../lib/channel-label'
import { formatDate } from '../../lib/format'
import { BriefInputs } from '../brief/brief-inputs'

const TEXT_FIELDS = ['audience', 'task', 'offer', 'format', 'qualityCriteria', 'successMetrics'] as const

/** The brief the result was drafted from, as the knowledge base keeps it: personal data replaced by placeholders. */
export function RecordBrief({ brief }: { brief: ResultRecord['brief'] }) {
  const { t, lang } = useI18n()
  return (
    <>
      <dl className="details" data-testid="kb-record-brief">
        {TEXT_FIELDS.map((f) => (
          <div key={f} className="details-row">
            <dt>{t(`field.${f}`)}</dt>
            <dd className="pre-wrap">{brief[f]}</dd>
          </div>
        ))}
        <div className="details-row">
          <dt>{t('field.channel')}</dt>
          <dd>{channelLabel(brief.channel, t)}</dd>
        </div>
        <div className="details-row">
          <dt>{t('field.deadline')}</dt>
          <dd>{formatDate(brief.deadline, lang)}</dd>
        </div>
        <div className="details-row">
          <dt>{t('field.lang')}</dt>
          <dd>{t(`lang.${brief.lang}`)}</dd>
        </div>
      </dl>
      <h3>
        {t('brief.inputs')}: {t(`kind.${brief.kind}`)}
      </h3>
      <BriefInputs inputs={brief.inputs} />
    </>
  )
}
