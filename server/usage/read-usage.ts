// The verbs behind GET /api/usage/*: who may read what of the AI usage log. The CMO and admins
// see everyone; anyone else sees their own usage only (the summary and approvals of their own
// runs, and their budgets) and is told so when they ask for more. The routes turn the views
// into JSON or CSV.
import type { LogPeriod, UsageFilter } from '../../contracts/usage'
import { crossCheckAudit } from '../audit/cross-check'
import { verifyAudit } from '../audit/verify'
import { refuse } from '../refusals'
import type { Ctx, VerbArgs } from '../verb'
import { approvalView } from './approvals'
import { blockedView } from './blocked'
import { budgetView, myUsage } from './budgets-view'
import { gateView } from './gates-view'
import { auditLogCsv } from './log-export'
import { resolveScope, type Scope } from './period'
import { selectUserTeam } from './queries'
import { usageSummary } from './summary'

export const WHOLE_LOG = ['cmo', 'admin'] as const
const seesWholeLog = ({ user }: Ctx) => user.roles.some((r) => r === 'cmo' || r === 'admin')
const assertWholeLog = (ctx: Ctx) => {
  if (!seesWholeLog(ctx)) throw refuse('usage.whole_log_only')
}

/** The filter's period and people; someone without the whole log is held to their own rows. */
async function ownScope(ctx: Ctx, f: UsageFilter): Promise<Scope> {
  if (!seesWholeLog(ctx)) {
    if ((f.user && f.user !== ctx.user.email) || f.team) throw refuse('usage.others_only_cmo')
    return resolveScope(ctx.db, { ...f, user: ctx.user.email }, ctx.now)
  }
  return resolveScope(ctx.db, f, ctx.now)
}

/** My spend against my and my team's budgets this month. */
export async function readMyUsage({ ctx }: { ctx: Ctx }) {
  const team = await selectUserTeam(ctx.db, ctx.user.id)
  return myUsage(ctx.db, ctx.policy.file.budgets, { id: ctx.user.id, email: ctx.user.email, team }, ctx.now)
}

export async function readSummary({ ctx, input }: VerbArgs<UsageFilter>) {
  const scope = await ownScope(ctx, input)
  return { scope, view: await usageSummary(ctx.db, scope) }
}

export async function readApprovals({ ctx, input }: VerbArgs<UsageFilter>) {
  const scope = await ownScope(ctx, input)
  return { scope, view: await approvalView(ctx.db, scope) }
}

export async function readGates({ ctx, input }: VerbArgs<UsageFilter>) {
  assertWholeLog(ctx)
  const scope = await resolveScope(ctx.db, input, ctx.now)
  return { scope, view: await gateView(ctx.db, scope) }
}

export async function readBlocked({ ctx, input }: VerbArgs<UsageFilter>) {
  assertWholeLog(ctx)
  const scope = await resolveScope(ctx.db, input, ctx.now)
  return { scope, view: await blockedView(ctx.db, scope) }
}

export async function readBudgets({ ctx }: { ctx: Ctx }) {
  assertWholeLog(ctx)
  return budgetView(ctx.db, ctx.policy.file.budgets, ctx.now)
}

/** The whole chain recomputed, then the data checked against it: seconds on a year of rows, so only on request. */
export async function verifyLog({ ctx }: { ctx: Ctx }) {
  assertWholeLog(ctx)
  const t0 = performance.now()
  const r = await verifyAudit(ctx.db)
  const mismatches = r.ok ? await crossCheckAudit(ctx.db) : []
  const seconds = Math.round(performance.now() - t0) / 1000
  const disagree = mismatches.length ? `the log and the data disagree: ${mismatches.map((m) => `${m.kind} ${m.id}`).join('; ')}` : null
  return r.ok
    ? {
        ok: !disagree,
        rows: r.rows,
        head: r.head,
        badSeq: null,
        reason: disagree,
        problem: disagree ? ('disagree' as const) : null,
        mismatches: mismatches.map(({ kind, id }) => ({ kind, id })),
        seconds,
      }
    : { ok: false, rows: r.rows, head: null, badSeq: r.badSeq, reason: r.reason, problem: r.problem, mismatches: [], seconds }
}

/** The audit log of the filter's period (one action, or all) as a CSV stream. */
export async function exportLog({ ctx, input }: VerbArgs<LogPeriod & { action: string | null }>) {
  assertWholeLog(ctx)
  const scope = await resolveScope(ctx.db, input, ctx.now)
  return { scope, csv: auditLogCsv(ctx.db, { ...scope, action: input.action }) }
}
