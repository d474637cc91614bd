import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { Run, type ClaimUpdate, type DecisionRequest, type RunStatus } from '../../../../contracts/runs'
import { fetchJson } from '../../lib/fetch-json'
import { BRIEFS_KEY } from '../briefs/queries'
import { REVIEWS_KEY } from '../reviews/queries'

/** While a run is in one of these states the worker is still busy, so the page polls. */
const ACTIVE: ReadonlySet<RunStatus> = new Set<RunStatus>(['queued', 'running', 'changes_requested'])
export const isActiveRun = (status: RunStatus) => ACTIVE.has(status)

export const runQuery = (id: string) =>
  queryOptions({
    queryKey: ['runs', id],
    queryFn: ({ signal }) => fetchJson(`/api/runs/${encodeURIComponent(id)}`, Run, { signal }),
    refetchInterval: (query) => {
      const status = query.state.data?.status
      return status !== undefined && isActiveRun(status) ? 1000 : false
    },
    // Settled runs only refresh on window focus (the default) or after a decision.
    refetchOnWindowFocus: true,
  })

export function useDecision(runId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ gateId, body }: { gateId: string; body: DecisionRequest }) =>
      fetchJson(`/api/gates/${encodeURIComponent(gateId)}/decision`, z.unknown(), { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: runQuery(runId).queryKey }),
        queryClient.invalidateQueries({ queryKey: REVIEWS_KEY }),
        queryClient.invalidateQueries({ queryKey: BRIEFS_KEY }),
      ]),
  })
}

/** The fact-check owner marks one claim verified (with its source) or rejected. */
export function useCheckClaim(runId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ claimId, body }: { claimId: string; body: ClaimUpdate }) =>
      fetchJson(`/api/claims/${encodeURIComponent(claimId)}`, z.unknown(), { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runQuery(runId).queryKey }),
  })
}
