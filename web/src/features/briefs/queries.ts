import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { BriefListItem } from '../../../../contracts/briefs'
import { fetchJson } from '../../lib/fetch-json'

/** Prefix of every brief query (list and details); creating a brief or a run invalidates it. */
export const BRIEFS_KEY = ['briefs'] as const

export const briefsQuery = () =>
  queryOptions({
    queryKey: [...BRIEFS_KEY, 'list'],
    queryFn: ({ signal }) => fetchJson('/api/briefs', z.array(BriefListItem), { signal }),
  })
