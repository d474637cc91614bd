import { useQuery } from '@tanstack/react-query'
import { EmptyState, ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { KbTabs } from './kb-tabs'
import { PromptFamilyCard } from './prompt-family-card'
import { promptsQuery } from './queries'

/** The prompt library: every prompt with every version it had and each version's record. */
export function PromptsPage() {
  const { t } = useI18n()
  const query = useQuery(promptsQuery())
  return (
    <section data-testid="prompts-page">
      <div className="page-head">
        <div>
          <h1>{t('kb.title')}</h1>
          <p className="muted">{t('prompts.intro')}</p>
        </div>
      </div>
      <KbTabs current="prompts" />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyState testId="prompts-empty">
          <p>{t('prompts.empty')}</p>
        </EmptyState>
      ) : (
        query.data.map((f) => <PromptFamilyCard key={`${f.id}/${f.lang}`} family={f} />)
      )}
    </section>
  )
}
