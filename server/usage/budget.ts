import type { Queryable } from '../db/connect'
import type { Budgets } from '../policy/schema'
import { selectTeamSpend, selectUserSpend } from './queries'

/** One budget that applies to a user: their own, or their team's. */
export type BudgetScope = {
  scope: 'user' | 'team'
  /** The user's e-mail or the team's name. */
  name: string
  limitUsd: number
  spentUsd: number
  /** spent / limit (1 when the limit is 0). */
  share: number
  state: 'ok' | 'warn' | 'over'
}
export type BudgetStatus = { month: string; warnAt: number; scopes: BudgetScope[] }
export type BudgetUser = { id: string; email: string; team: string | null }

/** The calendar month (UTC) of `at`: its label and its first day and the next month's. */
export function monthOf(at: Date): { month: string; from: string; to: string } {
  const y = at.getUTCFullYear()
  const m = at.getUTCMonth()
  const day = (yy: number, mm: number) => new Date(Date.UTC(yy, mm, 1)).toISOString().slice(0, 10)
  return { month: day(y, m).slice(0, 7), from: day(y, m), to: day(y, m + 1) }
}

/** The limits the policy sets for this user: their own line (else `per_user`), and their team's. */
export function budgetLimits(budgets: Budgets, user: BudgetUser): { scope: 'user' | 'team'; name: string; limitUsd: number }[] {
  const out: { scope: 'user' | 'team'; name: string; limitUsd: number }[] = []
  const own = budgets.monthly_usd.users[user.email.toLowerCase()] ?? budgets.monthly_usd.per_user
  if (own !== undefined) out.push({ scope: 'user', name: user.email, limitUsd: own })
  const team = user.team ? budgets.monthly_usd.teams[user.team] : undefined
  if (team !== undefined) out.push({ scope: 'team', name: user.team!, limitUsd: team })
  return out
}

/** What the user and their team have spent on models this month (the rollup of the audit log) against their budgets. */
export async function budgetStatus(db: Queryable, budgets: Budgets, user: BudgetUser, now = new Date()): Promise<BudgetStatus> {
  const { month, from, to } = monthOf(now)
  const scopes: BudgetScope[] = []
  for (const limit of budgetLimits(budgets, user)) {
    const spent = limit.scope === 'user' ? await selectUserSpend(db, user.id, from, to) : await selectTeamSpend(db, limit.name, from, to)
    scopes.push(budgetScope(limit, spent, budgets.warn_at))
  }
  return { month, warnAt: budgets.warn_at, scopes }
}

/** A budget with its spend. A limit of 0 means no model at all: it is spent from the start. */
export function budgetScope(
  limit: { scope: 'user' | 'team'; name: string; limitUsd: number },
  spentUsd: number,
  warnAt: number,
): BudgetScope {
  const share = limit.limitUsd > 0 ? spentUsd / limit.limitUsd : 1
  return { ...limit, spentUsd, share, state: share >= 1 ? 'over' : share >= warnAt ? 'warn' : 'ok' }
}

/** The first spent budget, if any: the reason a model call is refused. */
export const spentBudget = (status: BudgetStatus): BudgetScope | undefined => status.scopes.find((s) => s.state === 'over')

export function refusalMessage(s: BudgetScope, month: string): string {
  const who = s.scope === 'user' ? `your monthly AI budget (${s.name})` : `the monthly AI budget of team ${s.name}`
  return `${who} for ${month} is spent: ${usd(s.spentUsd)} of ${usd(s.limitUsd)}. The model was not called`
}

/** Dollars and cents, or two significant digits below a cent (a test budget, a cheap model). */
export const usd = (n: number): string => `$${n === 0 || n >= 0.01 ? n.toFixed(n === 0 ? 0 : 2) : Number(n.toPrecision(2)).toString()}`
