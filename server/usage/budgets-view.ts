import type { BudgetView, MyUsage } from '../../contracts/usage'
import type { Queryable } from '../db/connect'
import type { Budgets } from '../policy/schema'
import { budgetLimits, budgetScope, budgetStatus, monthOf, type BudgetUser } from './budget'
import { countRefusedCalls, selectTeamSpends, selectUserCalls, selectUserSpends } from './queries'

/**
 * Every budget of the current month with its spend: each team the policy names, and each user
 * who has a budget (their own line, or `per_user`), the most spent first.
 */
export async function budgetView(db: Queryable, budgets: Budgets, now = new Date()): Promise<BudgetView> {
  const { month, from, to } = monthOf(now)
  const users = await selectUserSpends(db, from, to)
  const teams = await selectTeamSpends(db, from, to)
  const lines: BudgetView['lines'] = []
  for (const u of users) {
    const own = budgetLimits(budgets, { id: u.id, email: u.email, team: null })[0]
    if (own) lines.push(budgetScope(own, u.spent, budgets.warn_at))
  }
  for (const [team, limitUsd] of Object.entries(budgets.monthly_usd.teams)) {
    lines.push(budgetScope({ scope: 'team', name: team, limitUsd }, teams.find((t) => t.team === team)?.spent ?? 0, budgets.warn_at))
  }
  lines.sort((a, b) => b.share - a.share || a.name.localeCompare(b.name))
  const refused = await countRefusedCalls(db, from, to)
  return { month, warnAt: budgets.warn_at, lines, refusedThisMonth: refused }
}

/** A user's own month: their calls and cost, and where they stand against their budgets. */
export async function myUsage(db: Queryable, budgets: Budgets, user: BudgetUser, now = new Date()): Promise<MyUsage> {
  const { month, from, to } = monthOf(now)
  const mine = await selectUserCalls(db, user.id, from, to)
  const status = await budgetStatus(db, budgets, user, now)
  return { month, warnAt: status.warnAt, calls: mine.calls, costUsd: mine.cost, budgets: status.scopes }
}
