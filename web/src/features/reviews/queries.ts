import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
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

export const reviewsQuery = (overdueOnly: boolean) =>
  queryOptions({
    queryKey: [...REVIEWS_KEY, { overdue: overdueOnly }],
    queryFn: async ({ signal }) => {
      const url = overdueOnly ? '/api/reviews?overdue=1' : '/api/reviews'
      const items = await fetchJson(url, z.array(ReviewItem), { signal })
      return [...items].sort(byDueDate)
    },
  })
