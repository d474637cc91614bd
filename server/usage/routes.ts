import type { Context } from 'hono'
import { Hono } from 'hono'
import { GatesListQuery, LogFilter, UsageFilter } from '../../contracts/usage'
import type { AuthEnv, AuthedEnv } from '../auth/middleware'
import { requireRole, requireUser } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { parseOr400 } from '../http/validate'
import type { Policy } from '../policy/load'
import { ctxOf } from '../verb'
import { approvalsTable, blockedTable, budgetsTable, csvText, gatesTable, overdueTable, summaryTable } from './csv'
import { exportLog, readApprovals, readBlocked, readBudgets, readGates, readMyUsage, readSummary, verifyLog, WHOLE_LOG } from './read-usage'

/** GET /api/usage/*: the CMO's audit of AI usage (read-usage.ts says who reads what), as JSON or CSV. */
export function usageRoutes(sql: Sql, policy: Policy) {
  const filterOf = (c: Context<AuthEnv & AuthedEnv>) => parseOr400(UsageFilter, c.req.query(), 'the filter')
  const csv = (c: Context<AuthEnv & AuthedEnv>, name: string, text: string) =>
    c.body(text, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` })
  const period = (s: { from: string; to: string }) => `${s.from}_${s.to}`

  return new Hono<AuthEnv>()
    .use(requireUser())
    .get('/me', async (c) => c.json(await readMyUsage({ ctx: ctxOf(c, sql, policy) })))
    .get('/summary', async (c) => {
      const f = filterOf(c)
      const { scope, view } = await readSummary({ ctx: ctxOf(c, sql, policy), input: f })
      return f.format === 'csv' ? csv(c, `ai-usage-${period(scope)}`, csvText(summaryTable(view))) : c.json(view)
    })
    .get('/approvals', async (c) => {
      const f = filterOf(c)
      const { scope, view } = await readApprovals({ ctx: ctxOf(c, sql, policy), input: f })
      return f.format === 'csv' ? csv(c, `approvals-${period(scope)}`, csvText(approvalsTable(view))) : c.json(view)
    })
    .get('/gates', requireRole(...WHOLE_LOG), async (c) => {
      const f = filterOf(c)
      const { scope, view } = await readGates({ ctx: ctxOf(c, sql, policy), input: f })
      if (f.format !== 'csv') return c.json(view)
      return parseOr400(GatesListQuery, { list: c.req.query('list') }, 'the query').list === 'overdue'
        ? csv(c, 'overdue-approvals', csvText(overdueTable(view)))
        : csv(c, `gates-${period(scope)}`, csvText(gatesTable(view)))
    })
    .get('/blocked', requireRole(...WHOLE_LOG), async (c) => {
      const f = filterOf(c)
      const { scope, view } = await readBlocked({ ctx: ctxOf(c, sql, policy), input: f })
      return f.format === 'csv' ? csv(c, `blocked-${period(scope)}`, csvText(blockedTable(view))) : c.json(view)
    })
    .get('/budgets', requireRole(...WHOLE_LOG), async (c) => {
      const f = filterOf(c)
      const v = await readBudgets({ ctx: ctxOf(c, sql, policy) })
      return f.format === 'csv' ? csv(c, `budgets-${v.month}`, csvText(budgetsTable(v))) : c.json(v)
    })
    .post('/verify', requireRole(...WHOLE_LOG), async (c) => c.json(await verifyLog({ ctx: ctxOf(c, sql, policy) })))
    .get('/log.csv', requireRole(...WHOLE_LOG), async (c) => {
      const f = filterOf(c)
      const { action } = parseOr400(LogFilter, { action: c.req.query('action') }, 'the filter')
      const { scope, csv: stream } = await exportLog({ ctx: ctxOf(c, sql, policy), input: { ...f, action: action ?? null } })
      return c.body(stream, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-log-${period(scope)}.csv"`,
      })
    })
}
