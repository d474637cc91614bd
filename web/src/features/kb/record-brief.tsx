import type { ResultRecord } from '../../../../contracts/kb'
import { useI18n } from '../../i18n'
import { BriefFields } from '../brief/brief-fields'
import { BriefInputs } from '../brief/brief-inputs'

/** The brief the result was drafted from, as the knowledge base keeps it: personal data replaced by placeholders. */
export function RecordBrief({ brief }: { brief: ResultRecord['brief'] }) {
  const { t } = useI18n()
  return (
    <>
      <BriefFields brief={brief} testId="kb-record-brief" />
      <h3>
        {t('brief.inputs')}: {t(`kind.${brief.kind}`)}
      </h3>
      <BriefInputs inputs={brief.inputs} />
    </>
  )
}
