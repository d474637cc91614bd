import type { ReactNode } from 'react'
import type { Quote } from '../../../../../contracts/drafts'
import { useI18n, type MessageKey } from '../../../i18n'
import type { SummaryParts } from './interview-quotes'
import { QuoteList } from './quote-link'

type Item = { key: string; title: ReactNode; quotes: Quote[]; topic?: string }

function Section({ title, testId, items }: { title: MessageKey; testId: string; items: Item[] }) {
  const { t } = useI18n()
  return (
    <section className="summary-section">
      <h4>{t(title)}</h4>
      {items.length === 0 ? (
        <p className="muted small">{t('interview.noneFound')}</p>
      ) : (
        <ul className="summary-list">
          {items.map((it) => (
            <li key={it.key} data-testid={testId} data-key={it.topic}>
              <p className="summary-item">{it.title}</p>
              <QuoteList quotes={it.quotes} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Insights, needs, objections and barriers, each citing its quotes, then the key quotes. */
export function SummaryLists({ parts }: { parts: SummaryParts }) {
  const { t } = useI18n()
  return (
    <div className="summary-lists">
      <Section
        title="interview.insights"
        testId="interview-insight"
        items={parts.insights.map((x, i) => ({ key: `${i}`, title: x.text, quotes: x.quotes }))}
      />
      <Section
        title="interview.needs"
        testId="interview-need"
        items={parts.needs.map((x, i) => ({ key: `${i}`, title: x.label, quotes: x.quotes }))}
      />
      <Section
        title="interview.objections"
        testId="interview-objection"
        items={parts.objections.map((x, i) => ({ key: `${x.key} ${i}`, topic: x.key, title: x.label, quotes: x.quotes }))}
      />
      <Section
        title="interview.barriers"
        testId="interview-barrier"
        items={parts.barriers.map((x, i) => ({ key: `${x.key} ${i}`, topic: x.key, title: x.label, quotes: x.quotes }))}
      />
      {parts.quotes.length > 0 && (
        <section className="summary-section" data-testid="interview-key-quotes">
          <h4>{t('interview.quotes')}</h4>
          <QuoteList quotes={parts.quotes} />
        </section>
      )}
    </div>
  )
}
