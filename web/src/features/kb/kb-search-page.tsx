import { useQuery } from '@tanstack/react-query'
import { EmptyState, ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { formatCount } from '../../lib/format-number'
import { navigate, useLocation } from '../../lib/router'
import { KbTabs } from './kb-tabs'
import { Pager } from './pager'
import { resultsQuery } from './queries'
import { ResultItem } from './result-item'
import { kbHref, PAGE_SIZE, readKbFilters, type KbFilters } from './search-filters'
import { SearchForm } from './search-form'

/** The results archive: approved copy (and one's own or reviewed work) found by words and filters. */
export function KbSearchPage() {
  const { t, lang } = useI18n()
  const filters = readKbFilters(useLocation().search)
  const results = useQuery(resultsQuery(filters))
  const go = (next: KbFilters) => navigate(kbHref(next), { replace: true })
  const authorName = results.data?.items.find((i) => i.author.id === filters.author)?.author.name ?? null

  return (
    <section data-testid="kb-page">
      <div className="page-head">
        <div>
          <h1>{t('kb.title')}</h1>
          <p className="muted">{t('kb.intro')}</p>
        </div>
      </div>
      <KbTabs current="results" />
      <SearchForm key={kbHref({ ...filters, offset: 0 })} filters={filters} authorName={authorName} />

      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data.items.length === 0 ? (
        <EmptyState testId="kb-empty">
          <p>{filters.q ? t('kb.noMatches', { q: filters.q }) : t('kb.empty')}</p>
        </EmptyState>
      ) : (
        <div className={results.isPlaceholderData ? 'dash-stale' : undefined}>
          <p className="muted small" data-testid="kb-total" data-total={results.data.total}>
            {/* past the server's window the count is a lower bound: say so, and how to narrow it */}
            {t(results.data.totalExact ? 'kb.total' : 'kb.totalWindow', { n: formatCount(results.data.total, lang) })}
          </p>
          <ol className="kb-results" start={filters.offset + 1}>
            {results.data.items.map((item) => (
              <ResultItem key={item.runId} item={item} onFilter={(patch) => go({ ...filters, ...patch, offset: 0 })} />
            ))}
          </ol>
          <Pager
            offset={filters.offset}
            pageSize={PAGE_SIZE}
            total={results.data.total}
            onPage={(offset) => navigate(kbHref({ ...filters, offset }))}
          />
        </div>
      )}
    </section>
  )
}
