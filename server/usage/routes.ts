import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import {
  ApprovalView,
  AuditCheck,
  BlockedView,
  BudgetView,
  FormatQuery,
  GatesListQuery,
  GateView,
  LogFilter,
  MyUsage,
  UsageFilter,
  LogPeriod,
  UnmarkedAd,
  UsageSummary,
} from '../../contracts/usage'
import type { AuthEnv, AuthedEnv } from '../auth/middleware'
import { requireRole, requireUser } from '../auth/middleware'
import { readUnmarkedAds } from './unmarked-ads'
import type { Sql } from '../db/connect'
import { op } from '../http/op'
import { parseOr400 } from '../http/validate'
import type { Policy } from '../policy/load'
import { ctxOf } from '../verb'
import { approvalsTable, blockedTable, budgetsTable, csvText, gatesTable, overdueTable, summaryTable } from './csv'
import { exportLog, readApprovals, readBlocked, readBudgets, readGates, readMyUsage, readSummary, verifyLog, WHOLE_LOG } from './read-usage'

export const USAGE_OPS = {
  me: op({
    method: 'get',
    path: '/api/usage/me',
    summary: 'My AI usage this month and where I stand against my budgets',
    response: MyUsage,
  }),
  summary: op({
    method: 'get',
    path: '/api/usage/summary',
    summary:
      'Model calls and cost in a period: totals, over time, by user, team, kind, model, prompt version (others than cmo/admin: their own)',
    response: UsageSummary,
    query: UsageFilter,
  }),
  approvals: op({
    method: 'get',
    path: '/api/usage/approvals',
    summary:
      'Runs started in the period by outcome: approval rate, approved without rework, AI share of approved copy (others than cmo/admin: their own)',
    response: ApprovalView,
    query: UsageFilter,
  }),
  gates: op({
    method: 'get',
    path: '/api/usage/gates',
    summary:
      'Time in each gate (mean, p50, p90 hours), open and overdue gates, the overdue list (cmo/admin; format=csv&list=overdue for the list)',
    response: GateView,
    query: [UsageFilter, GatesListQuery],
  }),
  blocked: op({
    method: 'get',
    path: '/api/usage/blocked',
    summary: 'What the policy stopped: personal data by type, budget refusals, stopping decisions by gate, risk categories (cmo/admin)',
    response: BlockedView,
    query: UsageFilter,
  }),
  budgets: op({
    method: 'get',
    path: '/api/usage/budgets',
    summary: 'Every budget this month with its spend and state, and the refusals (cmo/admin)',
    response: BudgetView,
    query: FormatQuery,
  }),
  unmarkedAds: op({
    method: 'get',
    path: '/api/usage/unmarked-ads',
    summary: 'Approved paid ads without an erid (38-FZ art. 18.1), newest first: released before erids were recorded (cmo/admin)',
    response: z.array(UnmarkedAd),
  }),
  verify: op({
    method: 'post',
    path: '/api/usage/verify',
    summary: 'Recompute the audit chain now (cmo/admin): intact with its head hash, or the first bad row',
    response: AuditCheck,
    status: 200,
  }),
  log: op({
    method: 'get',
    path: '/api/usage/log.csv',
    summary: 'The audit log of a period as CSV, streamed (cmo/admin)',
    response: z.string(),
    query: [LogPeriod, LogFilter],
  }),
}

/** GET /api/usage/*: the CMO's audit of AI usage (read-usage.ts says who reads what), as JSON or CSV. */
export function usageRoutes(sql: Sql, policy: Policy) {
  const filterOf = (c: Context<AuthEnv & AuthedEnv>, filter: typeof UsageFilter) => parseOr400(filter, c.req.query(), 'the filter')
  const csv = (c: Context<AuthEnv & AuthedEnv>, name: string, text: string) =>
    c.body(text, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` })
  const period = (s: { from: string; to: string }) => `${s.from}_${s.to}`

  return new Hono<AuthEnv>()
    .use(requireUser())
    .get('/me', async (c) => c.json(await readMyUsage({ ctx: ctxOf(c, sql, policy) })))
    .get('/summary', async (c) => {
      const f = filterOf(c, USAGE_OPS.summary.query)
      const { scope, view } = await readSummary({ ctx: ctxOf(c, sql, policy), input: f })
      return f.format === 'csv' ? csv(c, `ai-usage-${period(scope)}`, csvText(summaryTable(view))) : c.json(view)
    })
    .get('/approvals', async (c) => {
      const f = filterOf(c, USAGE_OPS.approvals.query)
      const { scope, view } = await readApprovals({ ctx: ctxOf(c, sql, policy), input: f })
      return f.format === 'csv' ? csv(c, `approvals-${period(scope)}`, csvText(approvalsTable(view))) : c.json(view)
    })
    .get('/gates', requireRole(...WHOLE_LOG), async (c) => {
      const f = filterOf(c, USAGE_OPS.gates.query[0])
      const { scope, view } = await readGates({ ctx: ctxOf(c, sql, policy), input: f })
      if (f.format !== 'csv') return c.json(view)
      return parseOr400(USAGE_OPS.gates.query[1], { list: c.req.query('list') }, 'the query').list === 'overdue'
        ? csv(c, 'overdue-approvals', csvText(overdueTable(view)))
        : csv(c, `gates-${period(scope)}`, csvText(gatesTable(view)))
    })
    .get('/blocked', requireRole(...WHOLE_LOG), async (c) => {
      const f = filterOf(c, USAGE_OPS.blocked.query)
      const { scope, view } = await readBlocked({ ctx: ctxOf(c, sql, policy), input: f })
      return f.format === 'csv' ? csv(c, `blocked-${period(scope)}`, csvText(blockedTable(view))) : c.json(view)
    })
    .get('/budgets', requireRole(...WHOLE_LOG), async (c) => {
      const f = parseOr400(USAGE_OPS.budgets.query, c.req.query(), 'the filter')
      const v = await readBudgets({ ctx: ctxOf(c, sql, policy) })
      return f.format === 'csv' ? csv(c, `budgets-${v.month}`, csvText(budgetsTable(v))) : c.json(v)
    })
    .get('/unmarked-ads', requireRole(...WHOLE_LOG), async (c) => c.json(await readUnmarkedAds({ ctx: ctxOf(c, sql, policy) })))
    .post('/verify', requireRole(...WHOLE_LOG), async (c) => c.json(await verifyLog({ ctx: ctxOf(c, sql, policy) })))
    .get('/log.csv', requireRole(...WHOLE_LOG), async (c) => {
      const f = parseOr400(USAGE_OPS.log.query[0], c.req.query(), 'the filter')
      const { action } = parseOr400(USAGE_OPS.log.query[1], { action: c.req.query('action') }, 'the filter')
      const { scope, csv: stream } = await exportLog({ ctx: ctxOf(c, sql, policy), input: { ...f, action: action ?? null } })
      return c.body(stream, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-log-${period(scope)}.csv"`,
      })
    })
}
