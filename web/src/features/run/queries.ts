import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  Draft,
  GateAssignee,
  GateAssignment,
  Run,
  type ClaimsVerify,
  type ClaimUpdate,
  type DecisionRequest,
  type DraftEdit,
  type RunStatus,
} from '../../../../contracts/runs'
import { fetchJson, isApiError } from '../../lib/fetch-json'
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

/** Claims a review for me (`email` undefined) or hands it to a colleague, or to nobody (null). */
export function useAssignGate(runId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ gateId, email }: { gateId: string; email?: string | null }) =>
      email === undefined
        ? fetchJson(`/api/gates/${encodeURIComponent(gateId)}/claim`, GateAssignment, { method: 'POST' })
        : fetchJson(`/api/gates/${encodeURIComponent(gateId)}/assign`, GateAssignment, { method: 'POST', body: { email } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: runQuery(runId).queryKey }),
        queryClient.invalidateQueries({ queryKey: REVIEWS_KEY }),
      ]),
  })
}

/** Who a review could be handed to; loaded when someone opens the hand-over. */
export const assigneesQuery = (gateId: string) =>
  queryOptions({
    queryKey: ['gates', gateId, 'assignees'],
    queryFn: ({ signal }) => fetchJson(`/api/gates/${encodeURIComponent(gateId)}/assignees`, z.array(GateAssignee), { signal }),
    staleTime: 30_000,
  })

/** The fact-check owner marks one claim verified (with its source) or rejected. */
export function useCheckClaim(runId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ claimId, body }: { claimId: string; body: ClaimUpdate }) =>
      fetchJson(`/api/claims/${encodeURIComponent(claimId)}`, z.unknown(), { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runQuery(runId).queryKey }),
  })
}

/** The fact-check owner verifies several claims of the draft with one source (all or none). */
export function useVerifyClaims(runId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ClaimsVerify) => fetchJson('/api/claims/verify', z.object({ verified: z.number().int() }), { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runQuery(runId).queryKey }),
  })
}

/**
 * One version of a run's draft, to compare versions. A version never changes once written, so it is
 * cached for good, under its own key: refreshing the run (polling, decisions) does not refetch it.
 */
export const draftQuery = (runId: string, version: number) =>
  queryOptions({
    queryKey: ['run-drafts', runId, version],
    queryFn: ({ signal }) => fetchJson(`/api/runs/${encodeURIComponent(runId)}/drafts/${version}`, Draft, { signal }),
    staleTime: Infinity,
  })

const EditCreated = z.object({ version: z.number().int() })

/**
 * The author saves an edit of the current draft as the next version. The gates restart, so the
 * reviewers' queues and the brief list change too; the run polls again while it is queued.
 */
export function useEditDraft(runId: string) {
  const queryClient = useQueryClient()
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: runQuery(runId).queryKey }),
      queryClient.invalidateQueries({ queryKey: REVIEWS_KEY }),
      queryClient.invalidateQueries({ queryKey: BRIEFS_KEY }),
    ])
  return useMutation({
    mutationFn: (body: DraftEdit) => fetchJson(`/api/runs/${encodeURIComponent(runId)}/edits`, EditCreated, { method: 'POST', body }),
    onSuccess: refresh,
    // A 409 means the run moved on (another tab, a decision): show the run as it is now.
    onError: (err) => (isApiError(err) && err.status === 409 ? refresh() : undefined),
  })
}
