import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { BriefKind } from '../../../../contracts/briefs'
import { ReviewItem } from '../../../../contracts/runs'
import { fetchJson } from '../../lib/fetch-json'

/** Prefix of every reviews query; decisions invalidate it. */
export const REVIEWS_KEY = ['reviews'] as const

const byDueDate = (a: ReviewItem, b: ReviewItem) => {
  // Undated gates go last; the API does not promise an order, so the queue is sorted here.
  if (a.dueAt === b.dueAt) return 0
  if (a.dueAt === null) return 1
  if (b.dueAt === null) return -1
  return new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime()
}

/** The queue's filter, as the URL and the API spell it. */
export type ReviewFilter = { overdue: boolean; assigned: 'me' | 'none' | null; kind: BriefKind | null }

/** The filter in a URL's search params (unknown values are ignored, not errors). */
export function filterOf(search: URLSearchParams): ReviewFilter {
  const assigned = search.get('assigned')
  const kind = BriefKind.safeParse(search.get('kind'))
  return {
    overdue: search.get('overdue') === '1',
    assigned: assigned === 'me' || assigned === 'none' ? assigned : null,
    kind: kind.success ? kind.data : null,
  }
}

/** The query string of a filter ('' for none), for the page's URL and the API alike. */
export function searchOf(f: ReviewFilter): string {
  const q = new URLSearchParams()
  if (f.overdue) q.set('overdue', '1')
  if (f.assigned) q.set('assigned', f.assigned)
  if (f.kind) q.set('kind', f.kind)
  const s = q.toString()
  return s ? `?${s}` : ''
}

export const reviewsQuery = (filter: ReviewFilter) =>
  queryOptions({
    queryKey: [...REVIEWS_KEY, filter],
    queryFn: async ({ signal }) => {
      const items = await fetchJson(`/api/reviews${searchOf(filter)}`, z.array(ReviewItem), { signal })
      return [...items].sort(byDueDate)
    },
  })
