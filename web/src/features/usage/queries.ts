import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import type { BriefKind } from '../../../../contracts/briefs'
import { ApprovalView, BlockedView, BudgetView, GateView, MyUsage, UnmarkedAd, UsageSummary } from '../../../../contracts/usage'
import { fetchJson } from '../../lib/fetch-json'
import { withQuery } from '../../lib/url-query'

/** The filters every usage view takes (contracts/usage.ts UsageFilter); unset = the API's default. */
export type UsageParams = { from?: string; to?: string; team?: string; user?: string; kind?: BriefKind }

export type UsageView = 'summary' | 'approvals' | 'gates' | 'blocked' | 'budgets'

/** Prefix of every usage query: a new run or a decision changes them all. */
export const USAGE_KEY = ['usage'] as const

/** The JSON of a view, or its CSV download (`csv`), for the same filters. */
export const usageUrl = (view: UsageView, p: UsageParams, csv?: { list?: 'overdue' }) =>
  withQuery(`/api/usage/${view}`, { ...p, ...(csv ? { format: 'csv', list: csv.list } : {}) })

/** The audit log of the period as CSV, optionally one action only (`llm.call`). */
export const auditLogUrl = (p: UsageParams, action?: string) => withQuery('/api/usage/log.csv', { ...p, action })

function viewQuery<S extends z.ZodType>(name: UsageView, schema: S, p: UsageParams) {
  return queryOptions({
    queryKey: [...USAGE_KEY, name, p],
    queryFn: ({ signal }) => fetchJson(usageUrl(name, p), schema, { signal }),
    // A new filter keeps the old numbers on screen until the new ones arrive, instead of a spinner.
    placeholderData: keepPreviousData,
  })
}

export const summaryQuery = (p: UsageParams) => viewQuery('summary', UsageSummary, p)
export const approvalsQuery = (p: UsageParams) => viewQuery('approvals', ApprovalView, p)
export const gatesQuery = (p: UsageParams) => viewQuery('gates', GateView, p)
export const blockedQuery = (p: UsageParams) => viewQuery('blocked', BlockedView, p)
/** Budgets are always the current month: the filters do not apply. */
export const budgetsQuery = () => viewQuery('budgets', BudgetView, {})

/** Approved paid ads without an erid, whatever the period (cmo/admin). */
export const unmarkedAdsQuery = () =>
  queryOptions({
    queryKey: [...USAGE_KEY, 'unmarked-ads'],
    queryFn: ({ signal }) => fetchJson('/api/usage/unmarked-ads', z.array(UnmarkedAd), { signal }),
  })

/** The signed-in user's own month: calls, cost and budgets (every role may ask). */
export const myUsageQuery = () =>
  queryOptions({
    queryKey: [...USAGE_KEY, 'me'],
    queryFn: ({ signal }) => fetchJson('/api/usage/me', MyUsage, { signal }),
  })
