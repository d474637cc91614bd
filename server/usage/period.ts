import type { UsageFilter } from '../../contracts/usage'
import type { Queryable } from '../db/connect'
import { refuse } from '../refusals'
import { monthOf } from './budget'
import { selectUserIdByEmail } from './queries'

/** A view's filters resolved: the period as [from, until) days (UTC), the user by id. */
export type Scope = {
  from: string
  /** The last day, inclusive, as asked. */
  to: string
  /** The day after `to`: every query compares `< until`. */
  until: string
  bucket: 'day' | 'month'
  userId: string | null
  team: string | null
  kind: string | null
}

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** Longer than a quarter, the series goes by month. */
const DAILY_UP_TO_DAYS = 92
/** The longest period one view sums (the bench's year of data, and some). */
const MAX_DAYS = 3 * 366

export async function resolveScope(db: Queryable, f: Omit<UsageFilter, 'format'>, now = new Date()): Promise<Scope> {
  const month = monthOf(now)
  const from = f.from ?? month.from
  const to = f.to ?? addDays(month.to, -1)
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1
  if (days > MAX_DAYS) throw refuse('usage.period_too_long', { max: MAX_DAYS, days })
  let userId: string | null = null
  if (f.user) {
    const id = await selectUserIdByEmail(db, f.user)
    if (id === undefined) throw refuse('usage.unknown_user', { email: f.user })
    userId = id
  }
  return {
    from,
    to,
    until: addDays(to, 1),
    bucket: days > DAILY_UP_TO_DAYS ? 'month' : 'day',
    userId,
    team: f.team ?? null,
    kind: f.kind ?? null,
  }
}
