import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { Brief, Created } from '../../../../contracts/briefs'
import type { RunStatus } from '../../../../contracts/runs'
import { fetchJson } from '../../lib/fetch-json'
import { BRIEFS_KEY } from '../briefs/queries'

const ACTIVE_RUN: ReadonlySet<string> = new Set<RunStatus>(['queued', 'running', 'changes_requested'])

export const briefQuery = (id: string) =>
  queryOptions({
    queryKey: [...BRIEFS_KEY, 'detail', id],
    queryFn: ({ signal }) => fetchJson(`/api/briefs/${encodeURIComponent(id)}`, Brief, { signal }),
    // Keep run statuses on the brief page moving while any run is still drafting.
    refetchInterval: (query) => (query.state.data?.runs.some((r) => ACTIVE_RUN.has(r.status)) ? 3000 : false),
  })

/** Starts a drafting run for a brief; answers the new run id. */
export function useCreateRun() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (briefId: string) => fetchJson(`/api/briefs/${encodeURIComponent(briefId)}/runs`, Created, { method: 'POST' }),
    onSuccess: (_run, briefId) => queryClient.invalidateQueries({ queryKey: briefQuery(briefId).queryKey }),
  })
}
