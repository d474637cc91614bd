import type { Quote } from '../../../../../contracts/drafts'
import { useI18n } from '../../../i18n'
import { useQuoteTarget } from './quote-nav'

/** A verbatim quote; clicking it opens its interview's transcript at the quoted words. */
export function QuoteLink({ quote }: { quote: Quote }) {
  const { t } = useI18n()
  const { target, show, synthesis } = useQuoteTarget(quote)
  const role = t(`speakerRole.${quote.role}`)
  const speaker = quote.speaker ? `${quote.speaker} · ${role}` : role
  return (
    <button
      type="button"
      className="quote-link"
      data-testid="interview-quote"
      data-start={quote.start}
      data-end={quote.end}
      data-interview={quote.interview}
      disabled={!target}
      title={target ? t('interview.quoteShow') : t('interview.quoteNotFound')}
      onClick={() => target && show(target)}
    >
      <q className="quote-text">{quote.text}</q>
      <span className="quote-source">
        {speaker}
        {synthesis && quote.interview && <> · {t('interview.fromInterview', { id: quote.interview })}</>}
      </span>
    </button>
  )
}

export function QuoteList({ quotes }: { quotes: readonly Quote[] }) {
  if (quotes.length === 0) return null
  return (
    <ul className="quote-list">
      {quotes.map((q, i) => (
        <li key={i}>
          <QuoteLink quote={q} />
        </li>
      ))}
    </ul>
  )
}
