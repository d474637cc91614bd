import { z } from 'zod'
import type { BudgetView, MyUsage } from '../../contracts/usage'
import type { Queryable } from '../db/connect'
import type { Budgets } from '../policy/schema'
import { budgetLimits, budgetScope, budgetStatus, monthOf, type BudgetUser } from './budget'

const UserSpent = z.object({ id: z.string(), email: z.string(), spent: z.number() })
const TeamSpent = z.object({ team: z.string(), spent: z.number() })
// aggregates without GROUP BY: always one row
const Refused = z.tuple([z.object({ n: z.number() })])
const Mine = z.tuple([z.object({ calls: z.number(), cost: z.number() })])

/**
 * Every budget of the current month with its spend: each team the policy names, and each user
 * who has a budget (their own line, or `per_user`), the most spent first.
 */
export async function budgetView(db: Queryable, budgets: Budgets, now = new Date()): Promise<BudgetView> {
  const { month, from, to } = monthOf(now)
  const users = z.array(UserSpent).parse(
    await db`select u.id::text as id, u.email, coalesce(s.spent, 0)::float8 as spent
    from users u left join (select user_id, sum(cost_usd) as spent from ai_usage_daily where day >= ${from} and day < ${to} group by user_id) s
      on s.user_id = u.id
    where u.disabled_at is null`,
  )
  const teams = z
    .array(TeamSpent)
    .parse(await db`select team, sum(cost_usd)::float8 as spent from ai_usage_daily where day >= ${from} and day < ${to} group by team`)
  const lines: BudgetView['lines'] = []
  for (const u of users) {
    const own = budgetLimits(budgets, { id: u.id, email: u.email, team: null })[0]
    if (own) lines.push(budgetScope(own, u.spent, budgets.warn_at))
  }
  for (const [team, limitUsd] of Object.entries(budgets.monthly_usd.teams)) {
    lines.push(budgetScope({ scope: 'team', name: team, limitUsd }, teams.find((t) => t.team === team)?.spent ?? 0, budgets.warn_at))
  }
  lines.sort((a, b) => b.share - a.share || a.name.localeCompare(b.name))
  const [refused] = Refused.parse(
    await db`select count(*)::int as n from audit_log where action = 'llm.refused' and at >= ${from} and at < ${to}`,
  )
  return { month, warnAt: budgets.warn_at, lines, refusedThisMonth: refused.n }
}

/** A user's own month: their calls and cost, and where they stand against their budgets. */
export async function myUsage(db: Queryable, budgets: Budgets, user: BudgetUser, now = new Date()): Promise<MyUsage> {
  const { month, from, to } = monthOf(now)
  const [mine] = Mine.parse(
    await db`select coalesce(sum(calls), 0)::int as calls, coalesce(sum(cost_usd), 0)::float8 as cost
    from ai_usage_daily where user_id = ${user.id} and day >= ${from} and day < ${to}`,
  )
  const status = await budgetStatus(db, budgets, user, now)
  return { month, warnAt: status.warnAt, calls: mine.calls, costUsd: mine.cost, budgets: status.scopes }
}
