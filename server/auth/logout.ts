import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { deleteSession } from './queries'

/** Ends a session: its row goes and, when it was someone's, the logout is on record, in one transaction. */
export async function logout(db: Sql, { token, userId }: { token: string | undefined; userId: string | null }): Promise<void> {
  await db.begin(async (tx) => {
    if (token) await deleteSession(tx, token)
    if (userId) await appendAudit(tx, { actorId: userId, action: 'auth.logout' })
  })
}
