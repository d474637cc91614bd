import type { Context } from 'hono'
import type { AuthedEnv, AuthEnv } from './auth/middleware'
import type { UserRow } from './auth/queries'
import type { Sql } from './db/connect'
import type { Policy } from './policy/load'

/**
 * What every verb (an action a user takes through the API) gets besides its input: the
 * database, who acts, the policy in force, and the time it acts at. One shape for every verb,
 * `verb({ ctx, input })`: it checks authorisation first, then works in one transaction with its
 * audit row inside that transaction. A verb without input takes `{ ctx }`.
 */
export type Ctx = { db: Sql; user: UserRow; policy: Policy; now: Date }
export type VerbArgs<I> = { ctx: Ctx; input: I }

/** The context of a request past requireUser/requireRole: its user, the app's database and policy, now. */
export const ctxOf = (c: Context<AuthEnv & AuthedEnv>, db: Sql, policy: Policy): Ctx => ({
  db,
  user: c.get('user'),
  policy,
  now: new Date(),
})
