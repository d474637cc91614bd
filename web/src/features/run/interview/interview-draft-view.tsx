import { useCallback, useId, useMemo, useRef, useState } from 'react'
import type { Lang } from '../../../../../contracts/briefs'
import type { InterviewDraft } from '../../../../../contracts/drafts'
import { useI18n } from '../../../i18n'
import { quotedSpans, type QuoteTarget } from './interview-quotes'
import { InterviewTabs, panelId, tabId } from './interview-tabs'
import { ObjectionMap } from './objection-map'
import { QuoteNavProvider, QuoteScope } from './quote-nav'
import { SegmentsView } from './segments-view'
import { SummaryLists } from './summary-lists'
import { TranscriptView, type TranscriptFocus } from './transcript-view'

/**
 * An interview summary, or a synthesis of several. Every quote is a link into its transcript: the
 * reviewer checks a claim about customers against the words they said, not against the summary.
 */
export function InterviewDraftView({ draft, lang }: { draft: InterviewDraft; lang: Lang }) {
  const { t } = useI18n()
  const idBase = useId()
  const several = draft.interviews.length > 1
  const [active, setActive] = useState(0)
  const [focus, setFocus] = useState<(TranscriptFocus & { index: number }) | null>(null)
  const seq = useRef(0)
  const panel = useRef<HTMLElement>(null)

  const show = useCallback((target: QuoteTarget) => {
    seq.current += 1
    setActive(target.index)
    setFocus({ ...target, seq: seq.current })
  }, [])
  const select = useCallback((index: number) => {
    setActive(index)
    setFocus(null)
  }, [])
  // From the objection map, far above the transcripts: bring the opened interview into view.
  const open = useCallback(
    (index: number) => {
      select(index)
      panel.current?.scrollIntoView({ block: 'start' })
    },
    [select],
  )
  // In a synthesis the top-level quotes name their interview; with one interview they all are its.
  const nav = useMemo(
    () => ({ interviews: draft.interviews, fallback: several ? null : 0, show, open }),
    [draft.interviews, several, show, open],
  )

  const index = draft.interviews[active] ? active : 0
  const entry = draft.interviews[index]!
  const spans = useMemo(() => quotedSpans(draft, index), [draft, index])

  return (
    <QuoteNavProvider value={nav}>
      <div className="interview-draft">
        {several && (
          <section className="synthesis" data-testid="interview-synthesis">
            <h3>{t('interview.synthesisTitle', { n: draft.interviews.length })}</h3>
            <ObjectionMap rows={draft.objectionMap} total={draft.interviews.length} />
            <SegmentsView segments={draft.segments} differences={draft.differences} />
            <SummaryLists parts={draft} />
          </section>
        )}

        <section className="interview-panel" ref={panel} aria-label={t('interview.interviews')}>
          {several && (
            <>
              <h3>{t('interview.interviews')}</h3>
              <InterviewTabs interviews={draft.interviews} active={index} onSelect={select} idBase={idBase} />
            </>
          )}
          {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-labelledby is set only with role="tabpanel", which supports it */}
          <div
            className="interview-grid"
            id={panelId(idBase)}
            role={several ? 'tabpanel' : undefined}
            aria-labelledby={several ? tabId(idBase, index) : undefined}
            data-testid="interview-entry"
            data-interview={entry.id}
          >
            <QuoteScope fallback={index}>
              {/* One interview: the draft's own lists are its summary. */}
              <SummaryLists parts={several ? entry : draft} />
            </QuoteScope>
            <TranscriptView key={index} entry={entry} spans={spans} focus={focus?.index === index ? focus : null} lang={lang} />
          </div>
        </section>
      </div>
    </QuoteNavProvider>
  )
}
