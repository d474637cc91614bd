import type { Draft } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { categoryLabel, categorySeverity } from '../../lib/risk-category'
import { HighlightedText } from './highlighted-text'
import { MissingWording } from './missing-wording'
import { RiskList } from './risk-list'

export const hasPolicyFindings = (draft: Draft) => draft.risks.length > 0 || draft.missing.length > 0

/** The draft text with its risks marked, beside what the policy found in it. */
export function ReviewText({ draft }: { draft: Draft }) {
  const { t } = useI18n()
  const text = <HighlightedText text={draft.text} risks={draft.risks} lang={draft.lang} />
  if (!hasPolicyFindings(draft)) return text

  return (
    <div className="review-grid">
      <div className="review-text">
        <p className="muted small">{t('risk.hoverHint')}</p>
        {text}
      </div>
      <aside className="review-aside" aria-label={t('risk.title')} data-testid="risk-panel">
        <h3>{t('risk.title')}</h3>
        {draft.categories.length > 0 && (
          <p className="chips" data-testid="draft-categories">
            {draft.categories.map((c) => (
              <span key={c} className={`cat cat-${categorySeverity(c)}`} data-category={c}>
                {categoryLabel(c, t)}
              </span>
            ))}
          </p>
        )}
        <MissingWording items={draft.missing} />
        <RiskList risks={draft.risks} />
      </aside>
    </div>
  )
}
