import { z } from 'zod'
import { Role } from '../../contracts/roles'
import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { AppError } from '../errors'
import { hashPassword } from './password'
import { deleteSessionsOfEmail, upsertUser } from './queries'
import { accountKey, deleteThrottle } from './throttle-queries'

export const AddUser = z.object({
  email: z.email().transform((s) => s.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  roles: z.array(Role).min(1),
  password: z.string().min(10, 'at least 10 characters').max(1024),
  team: z.string().trim().min(1).max(100).optional(),
})
export type AddUser = z.infer<typeof AddUser>

/**
 * Creates a user, or sets the roles and password of an existing one; audited, password never
 * logged. A reset ends all of the user's sessions (whoever knew the old password is out) and
 * clears the account's login throttle, so an admin can let a locked-out owner straight back in.
 */
export async function addUser(sql: Sql, input: AddUser): Promise<{ id: string; created: boolean; sessionsEnded: number }> {
  const hash = await hashPassword(input.password)
  return sql.begin(async (tx) => {
    // Ended before the update so they can be counted; the users_end_sessions trigger (007)
    // ends any that appear meanwhile, and login.ts refuses a session for a hash that changed.
    const sessionsEnded = await deleteSessionsOfEmail(tx, input.email)
    const row = await upsertUser(tx, {
      email: input.email,
      name: input.name,
      passwordHash: hash,
      roles: input.roles,
      team: input.team ?? null,
    })
    if (!row) throw new AppError('internal', 'user was not saved')
    await deleteThrottle(tx, accountKey(input.email))
    await appendAudit(tx, {
      actorId: null,
      action: 'user.add',
      data: { userId: row.id, roles: input.roles, created: row.created, sessionsEnded, via: 'cli' },
    })
    return { id: row.id, created: row.created, sessionsEnded }
  })
}
