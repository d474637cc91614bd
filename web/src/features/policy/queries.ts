import { queryOptions } from '@tanstack/react-query'
import { PolicyView } from '../../../../contracts/policy'
import { fetchJson } from '../../lib/fetch-json'

/** The active policy; it changes only when the server restarts with a new file, so it is cached long. */
export const policyQuery = () =>
  queryOptions({
    queryKey: ['policy'],
    queryFn: ({ signal }) => fetchJson('/api/policy', PolicyView, { signal }),
    staleTime: 5 * 60_000,
  })
