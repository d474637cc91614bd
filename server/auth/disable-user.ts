import { z } from 'zod'
import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { deleteSessionsOfEmail, disableUserByEmail } from './queries'

export const DisableUser = z.object({ email: z.email().transform((s) => s.toLowerCase()) })
export type DisableUser = z.infer<typeof DisableUser>

/**
 * Deactivates a user and ends their sessions at once (`copydesk user add` re-enables them with
 * a new password). Sessions of a disabled user are refused anyway (middleware); deleting them
 * here means a re-enabled account does not bring old cookies back to life. Audited.
 */
export async function disableUser(sql: Sql, input: DisableUser): Promise<{ found: boolean; sessionsEnded: number }> {
  return sql.begin(async (tx) => {
    // Before the update, to count them; the users_end_sessions trigger (007) catches stragglers.
    const sessionsEnded = await deleteSessionsOfEmail(tx, input.email)
    const id = await disableUserByEmail(tx, input.email)
    if (!id) return { found: false, sessionsEnded: 0 }
    await appendAudit(tx, { actorId: null, action: 'user.disable', data: { userId: id, sessionsEnded, via: 'cli' } })
    return { found: true, sessionsEnded }
  })
}
