import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { CreateBrief, Created, PiiCheckResponse, RiskCheckResponse, type RiskCheckRequest } from '../../../../contracts/briefs'
import { fetchJson } from '../../lib/fetch-json'
import { BRIEFS_KEY } from '../briefs/queries'
import { SeoImport } from './seo-model'

export { useCreateRun } from '../brief/queries'

export function useCreateBrief() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateBrief) => fetchJson('/api/briefs', Created, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BRIEFS_KEY }),
  })
}

/**
 * What the personal-data guard finds in these texts (by brief path). The answer carries the texts
 * it is about, so offsets are never read against text typed since.
 */
export const piiCheckQuery = (fields: Record<string, string>) =>
  queryOptions({
    queryKey: ['pii-check', fields],
    queryFn: async ({ signal }) => {
      const res = await fetchJson('/api/briefs/pii-check', PiiCheckResponse, { method: 'POST', body: { fields }, signal })
      return { ...res, fields }
    },
    // The answer depends only on the texts and the policy, which changes with a server restart.
    staleTime: 5 * 60_000,
    retry: 1,
  })

/**
 * The brief's own risk marks, sector reading and the gates its drafts will at least get. The
 * marks carry their matched words, so an answer about text typed over is still readable.
 */
export const riskCheckQuery = (body: RiskCheckRequest) =>
  queryOptions({
    queryKey: ['risk-check', body],
    queryFn: ({ signal }) => fetchJson('/api/briefs/risk-check', RiskCheckResponse, { method: 'POST', body, signal }),
    // The answer depends only on the body and the policy, which changes with a server restart.
    staleTime: 5 * 60_000,
    retry: 1,
  })

/** A keyword export as uploaded (CSV/TSV in any usual encoding, or XLSX): the server reads it into the CSV a brief keeps. */
export function useSeoImport() {
  return useMutation({
    mutationFn: (file: Blob) => fetchJson('/api/seo/import', SeoImport, { method: 'POST', body: file }),
  })
}

/**
 * "Start a new brief from this": a knowledge-base result's brief as a new brief body (redacted,
 * with a fresh deadline). Nothing is stored until the writer submits.
 */
export const reusedBriefQuery = (runId: string) =>
  queryOptions({
    queryKey: ['reuse-brief', runId],
    queryFn: ({ signal }) => fetchJson(`/api/kb/results/${encodeURIComponent(runId)}/reuse`, CreateBrief, { signal }),
    staleTime: Infinity,
  })
