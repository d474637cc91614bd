import { useQuery } from '@tanstack/react-query'
import type { BriefRisks as BriefRisksData } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { categoryLabel, categorySeverity } from '../../lib/risk-category'
import { policyQuery } from '../policy/queries'
import { sectorLabel } from '../policy/sector-label'
import { Fold } from './fold'
import { MissingWording } from './missing-wording'
import { RiskList } from './risk-list'

/**
 * The brief's own risks by the run's policy, beside the draft's: a draft is gated by them even
 * when it words a risk away, and legal reads what the writer asked for. With the sector reading:
 * what the brief declares it advertises against what its text reads as.
 */
export function BriefRisks({ data }: { data: BriefRisksData }) {
  const { t, lang } = useI18n()
  const { sectors } = data
  // sector labels come from the policy page's data; until it loads (or for an old id) the id is shown
  const policy = useQuery({ ...policyQuery(), enabled: sectors.declared !== null || sectors.inferred.length > 0 })
  const label = (id: string) => sectorLabel(id, policy.data?.sectors, t, lang)
  const declared = sectors.declared === null ? t('briefRisks.notDeclared') : label(sectors.declared)
  const inferred = sectors.inferred.length ? sectors.inferred.map(label).join(', ') : t('briefRisks.nothingInferred')
  return (
    // Folded, its categories on the folded line: what the brief asked for is looked up beside the
    // draft's findings, not read each time. Open when the sectors disagree: legal has that to decide.
    <Fold
      title={t('briefRisks.title')}
      summary={
        data.categories.length > 0 && (
          <span className="chips" data-testid="brief-categories">
            {data.categories.map((c) => (
              <span key={c} className={`cat cat-${categorySeverity(c)}`} data-category={c}>
                {categoryLabel(c, t)}
              </span>
            ))}
          </span>
        )
      }
      open={sectors.mismatch}
      testId="brief-risks"
    >
      <p className="muted small">{t('briefRisks.intro')}</p>
      <p
        className={sectors.mismatch ? 'state state-warn small' : 'small'}
        data-testid="brief-sectors"
        data-declared={sectors.declared ?? ''}
        data-inferred={sectors.inferred.join(' ')}
        data-mismatch={sectors.mismatch}
      >
        {t('briefRisks.sectors', { declared, inferred })}
        {sectors.mismatch && (
          <>
            {' '}
            <strong>{t('briefRisks.mismatch')}</strong>
          </>
        )}
      </p>
      <MissingWording items={data.missing} />
      {data.risks.length === 0 ? <p className="muted">{t('briefRisks.none')}</p> : <RiskList risks={data.risks} />}
    </Fold>
  )
}
