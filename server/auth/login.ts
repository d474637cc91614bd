import { randomBytes } from 'node:crypto'
import type { LoginRequest } from '../../contracts/auth'
import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { AppError } from '../errors'
import { DUMMY_HASH_PROMISE, verifyPassword } from './password'
import { findUserByEmail, insertSession, type UserRow } from './queries'

export const SESSION_TTL_HOURS = 24 * 7

/** Checks the password; on success opens a session and returns its token. Both outcomes are audited. */
export async function login({ sql, input }: { sql: Sql; input: LoginRequest }): Promise<{ user: UserRow; token: string }> {
  const user = await findUserByEmail(sql, input.email)
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await DUMMY_HASH_PROMISE))
  if (!user || !ok) {
    // The attempted e-mail is not logged: a mistyped password pasted into the e-mail box would end up in the log.
    await appendAudit(sql, { actorId: user?.id ?? null, action: 'auth.login_failed', data: { knownUser: !!user } })
    throw new AppError('unauthenticated', 'wrong e-mail or password')
  }
  const token = randomBytes(32).toString('base64url')
  await sql.begin(async (tx) => {
    await tx`delete from sessions where user_id = ${user.id} and expires_at < now()`
    await insertSession(tx, token, user.id, SESSION_TTL_HOURS)
    await appendAudit(tx, { actorId: user.id, action: 'auth.login' })
  })
  return { user, token }
}
