import { useState } from 'react'
import type { Draft } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { categoryLabel, categorySeverity } from '../../lib/risk-category'
import { focusThread } from './comments/thread-focus'
import { useThreadMarks } from './comments/thread-marks'
import { HighlightedText } from './highlighted-text'
import { MissingWording } from './missing-wording'
import { RiskList } from './risk-list'

export const hasPolicyFindings = (draft: Draft) => draft.risks.length > 0 || draft.missing.length > 0

// Where review.css stacks the findings under the text (one column).
const NARROW = '(max-width: 860px)'

/**
 * The draft text with its risks and its threads' words marked, beside what the policy found in it.
 * `runId`: the run whose discussion marks the text.
 */
export function ReviewText({ draft, runId }: { draft: Draft; runId: string }) {
  const { t } = useI18n()
  const threads = useThreadMarks(runId, draft)
  // Stacked under the text on a phone, the findings would push everything after them a screen or
  // two down; each mark's tooltip says the same on a tap, so there the list starts folded.
  const [findingsOpen] = useState(() => !window.matchMedia?.(NARROW).matches)
  const text = <HighlightedText text={draft.text} risks={draft.risks} lang={draft.lang} threads={threads} onThread={focusThread} />
  const threadHint = threads.length > 0 && <p className="muted small">{t('comments.markHint')}</p>
  if (!hasPolicyFindings(draft))
    return (
      <>
        {threadHint}
        {text}
      </>
    )

  return (
    <div className="review-grid">
      <div className="review-text">
        <p className="muted small">{t('risk.hoverHint')}</p>
        {threadHint}
        {text}
      </div>
      <aside className="review-aside" aria-label={t('risk.title')} data-testid="risk-panel">
        <details open={findingsOpen}>
          <summary>
            <h3>{t('risk.title')}</h3>
            {draft.categories.length > 0 && (
              <span className="chips" data-testid="draft-categories">
                {draft.categories.map((c) => (
                  <span key={c} className={`cat cat-${categorySeverity(c)}`} data-category={c}>
                    {categoryLabel(c, t)}
                  </span>
                ))}
              </span>
            )}
          </summary>
          <MissingWording items={draft.missing} />
          <RiskList risks={draft.risks} />
        </details>
      </aside>
    </div>
  )
}
