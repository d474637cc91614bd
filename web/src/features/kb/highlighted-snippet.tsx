import type { ResultItem } from '../../../../contracts/kb'
import { snippetParts } from './highlight'

/** The matched passages with the query's words in <mark>, from the API's offsets (never from HTML). */
export function HighlightedSnippet({ item }: { item: Pick<ResultItem, 'snippet' | 'highlights'> }) {
  return (
    <p className="kb-snippet" data-testid="kb-snippet">
      {snippetParts(item.snippet, item.highlights).map((p, i) =>
        p.mark ? (
          <mark key={i} data-testid="kb-mark">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  )
}
