import type { Context } from 'hono'
import { Hono } from 'hono'
import { GatesListQuery, LogFilter, UsageFilter } from '../../contracts/usage'
import type { AuthEnv, AuthedEnv } from '../auth/middleware'
import { crossCheckAudit } from '../audit/cross-check'
import { verifyAudit } from '../audit/verify'
import { requireRole, requireUser } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { forbidden } from '../errors'
import { parseOr400 } from '../http/validate'
import type { Policy } from '../policy/load'
import { approvalView } from './approvals'
import { blockedView } from './blocked'
import { budgetView, myUsage } from './budgets-view'
import { approvalsTable, blockedTable, budgetsTable, csvText, gatesTable, overdueTable, summaryTable } from './csv'
import { gateView } from './gates-view'
import { auditLogCsv } from './log-export'
import { resolveScope } from './period'
import { selectUserTeam } from './queries'
import { usageSummary } from './summary'

const WHOLE_LOG = ['cmo', 'admin'] as const

/**
 * GET /api/usage/*: the CMO's audit of AI usage. The CMO and admins see everyone; anyone else
 * sees their own usage only (the summary and approvals of their own runs, and their budgets).
 */
export function usageRoutes(sql: Sql, policy: Policy) {
  const filterOf = (c: Context<AuthEnv & AuthedEnv>) => parseOr400(UsageFilter, c.req.query(), 'the filter')
  const sees = (c: Context<AuthEnv & AuthedEnv>) => c.get('user').roles.some((r) => (WHOLE_LOG as readonly string[]).includes(r))
  /** Someone without the whole log is held to their own rows, and told so when they ask for more. */
  const ownScope = async (c: Context<AuthEnv & AuthedEnv>) => {
    const f = filterOf(c)
    if (!sees(c)) {
      const me = c.get('user').email
      if ((f.user && f.user !== me) || f.team) throw forbidden("only the CMO and admins see other people's usage")
      f.user = me
    }
    return { f, scope: await resolveScope(sql, f) }
  }
  const csv = (c: Context<AuthEnv & AuthedEnv>, name: string, text: string) =>
    c.body(text, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` })
  const period = (s: { from: string; to: string }) => `${s.from}_${s.to}`

  return (
    new Hono<AuthEnv>()
      .use(requireUser())
      .get('/me', async (c) => {
        const u = c.get('user')
        const team = await selectUserTeam(sql, u.id)
        return c.json(await myUsage(sql, policy.file.budgets, { id: u.id, email: u.email, team }))
      })
      .get('/summary', async (c) => {
        const { f, scope } = await ownScope(c)
        const v = await usageSummary(sql, scope)
        return f.format === 'csv' ? csv(c, `ai-usage-${period(scope)}`, csvText(summaryTable(v))) : c.json(v)
      })
      .get('/approvals', async (c) => {
        const { f, scope } = await ownScope(c)
        const v = await approvalView(sql, scope)
        return f.format === 'csv' ? csv(c, `approvals-${period(scope)}`, csvText(approvalsTable(v))) : c.json(v)
      })
      .get('/gates', requireRole(...WHOLE_LOG), async (c) => {
        const f = filterOf(c)
        const scope = await resolveScope(sql, f)
        const v = await gateView(sql, scope)
        if (f.format !== 'csv') return c.json(v)
        return parseOr400(GatesListQuery, { list: c.req.query('list') }, 'the query').list === 'overdue'
          ? csv(c, 'overdue-approvals', csvText(overdueTable(v)))
          : csv(c, `gates-${period(scope)}`, csvText(gatesTable(v)))
      })
      .get('/blocked', requireRole(...WHOLE_LOG), async (c) => {
        const f = filterOf(c)
        const scope = await resolveScope(sql, f)
        const v = await blockedView(sql, scope)
        return f.format === 'csv' ? csv(c, `blocked-${period(scope)}`, csvText(blockedTable(v))) : c.json(v)
      })
      .get('/budgets', requireRole(...WHOLE_LOG), async (c) => {
        const v = await budgetView(sql, policy.file.budgets)
        return filterOf(c).format === 'csv' ? csv(c, `budgets-${v.month}`, csvText(budgetsTable(v))) : c.json(v)
      })
      // the whole chain recomputed: seconds on a year of rows (10 s for a million), so only on request
      .post('/verify', requireRole(...WHOLE_LOG), async (c) => {
        const t0 = performance.now()
        const r = await verifyAudit(sql)
        const mismatches = r.ok ? await crossCheckAudit(sql) : []
        const seconds = Math.round(performance.now() - t0) / 1000
        const disagree = mismatches.length
          ? `the log and the data disagree: ${mismatches.map((m) => `${m.kind} ${m.id}`).join('; ')}`
          : null
        return c.json(
          r.ok
            ? { ok: !disagree, rows: r.rows, head: r.head, badSeq: null, reason: disagree, seconds }
            : { ok: false, rows: r.rows, head: null, badSeq: r.badSeq, reason: r.reason, seconds },
        )
      })
      .get('/log.csv', requireRole(...WHOLE_LOG), async (c) => {
        const scope = await resolveScope(sql, filterOf(c))
        const { action } = parseOr400(LogFilter, { action: c.req.query('action') }, 'the filter')
        return c.body(auditLogCsv(sql, { ...scope, action: action ?? null }), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="audit-log-${period(scope)}.csv"`,
        })
      })
  )
}
