import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  MyRatingSummary,
  PromptCompare,
  PromptFamily,
  PromptVersionDetail,
  ResultPage,
  ResultRecord,
  TagList,
  type RatingRequest,
} from '../../../../contracts/kb'
import { fetchJson } from '../../lib/fetch-json'
import { withQuery } from '../../lib/url-query'
import { PAGE_SIZE, type KbFilters } from './search-filters'

/** Prefix of every knowledge-base query: a rating or a tag changes the archive and the record. */
export const KB_KEY = ['kb'] as const

const resultPath = (runId: string) => `/api/kb/results/${encodeURIComponent(runId)}`

export const resultsQuery = (f: KbFilters) =>
  queryOptions({
    queryKey: [...KB_KEY, 'results', f],
    queryFn: ({ signal }) => fetchJson(withQuery('/api/kb/results', { ...f, limit: PAGE_SIZE }), ResultPage, { signal }),
    // the previous page stays on screen while the next one loads
    placeholderData: keepPreviousData,
  })

export const resultQuery = (runId: string) =>
  queryOptions({
    queryKey: [...KB_KEY, 'result', runId],
    queryFn: ({ signal }) => fetchJson(resultPath(runId), ResultRecord, { signal }),
  })

function useKbMutation<T, V>(mutationFn: (vars: V) => Promise<T>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: KB_KEY }) })
}

/** Rating again replaces one's own rating; the comment is stored through the personal-data guard. */
export const useRateResult = (runId: string) =>
  useKbMutation((body: RatingRequest) => fetchJson(`${resultPath(runId)}/rating`, MyRatingSummary, { method: 'POST', body }))

export const useAddTag = (runId: string) =>
  useKbMutation((tag: string) => fetchJson(`${resultPath(runId)}/tags`, TagList, { method: 'POST', body: { tag } }))

export const useRemoveTag = (runId: string) =>
  useKbMutation((tag: string) => fetchJson(`${resultPath(runId)}/tags/${encodeURIComponent(tag)}`, TagList, { method: 'DELETE' }))

/** Prompt versions never change once recorded; the list grows only when the server starts with an edited prompt file. */
export const promptsQuery = () =>
  queryOptions({
    queryKey: [...KB_KEY, 'prompts'],
    queryFn: ({ signal }) => fetchJson('/api/kb/prompts', z.array(PromptFamily), { signal }),
  })

const promptPath = (id: string, lang: string) => `/api/kb/prompts/${encodeURIComponent(id)}/${encodeURIComponent(lang)}`

export const promptVersionQuery = (id: string, lang: string, version: string) =>
  queryOptions({
    queryKey: [...KB_KEY, 'prompt', id, lang, version],
    queryFn: ({ signal }) => fetchJson(`${promptPath(id, lang)}/${encodeURIComponent(version)}`, PromptVersionDetail, { signal }),
  })

export const promptCompareQuery = (id: string, lang: string, a: string, b: string) =>
  queryOptions({
    queryKey: [...KB_KEY, 'prompt-compare', id, lang, a, b],
    queryFn: ({ signal }) => fetchJson(withQuery(`${promptPath(id, lang)}/compare`, { a, b }), PromptCompare, { signal }),
  })
