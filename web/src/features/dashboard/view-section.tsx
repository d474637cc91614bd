import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ErrorState, Loading } from '../../components/states'

type Props<T> = {
  title: string
  testId: string
  query: UseQueryResult<T>
  /** CSV links and other actions beside the title. */
  actions?: ReactNode
  intro?: ReactNode
  children: (data: T) => ReactNode
}

/** A card of the dashboard for one API view: its own loading and error states, the last numbers kept while a new filter loads. */
export function ViewSection<T>({ title, testId, query, actions, intro, children }: Props<T>) {
  return (
    <section className="card dash-section" data-testid={testId} aria-busy={query.isFetching}>
      <div className="dash-section-head">
        <h2>{title}</h2>
        {actions && <div className="dash-actions">{actions}</div>}
      </div>
      {intro && <p className="muted small">{intro}</p>}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className={query.isPlaceholderData ? 'dash-stale' : undefined}>{children(query.data)}</div>
      )}
    </section>
  )
}
