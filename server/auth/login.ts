import { randomBytes } from 'node:crypto'
import type { LoginRequest } from '../../contracts/auth'
import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { refuse } from '../refusals'
import { dummyHash, verifyPassword } from './password'
import { deleteSession, deleteStaleSessions, findUserByEmail, insertSession, type UserRow } from './queries'
import type { SessionLimits } from './session-limits'
import { admitLogin, auditDigest, settleLogin, type Throttled, type ThrottleOptions } from './throttle'
import { pruneThrottle, ipKey } from './throttle-queries'

export type LoginContext = {
  sql: Sql
  input: LoginRequest
  /** The client address (see client-ip.ts); undefined when unknown. */
  ip: string | undefined
  /** The session token the client sent along, if any: it is ended, a login always rotates. */
  previousToken: string | undefined
  session: SessionLimits
  throttle: ThrottleOptions
}

/**
 * Checks the password; on success opens a new session and returns its token. Throttled
 * attempts are answered before scrypt runs (its ~0.45 s of CPU is what a flood would burn).
 * Every outcome is audited.
 */
export async function login(ctx: LoginContext): Promise<{ ok: true; user: UserRow; token: string } | Throttled> {
  const { sql, input } = ctx
  const src = { email: input.email, ip: ctx.ip }
  const admitted = await admitLogin(sql, src, ctx.throttle)
  if (!admitted.ok) return admitted
  const user = await findUserByEmail(sql, input.email)
  // An unknown e-mail is checked against a dummy hash, so it takes as long as a known one.
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()))
  if (!user || !ok) {
    await sql.begin(async (tx) => {
      await settleLogin(tx, src, false, ctx.throttle)
      // The attempted e-mail is not logged: a mistyped password pasted into the e-mail box would end up in the log.
      await appendAudit(tx, {
        actorId: user?.id ?? null,
        action: 'auth.login_failed',
        data: { knownUser: !!user, ip: auditDigest(ipKey(ctx.ip)) },
      })
    })
    throw refuse('auth.wrong_password')
  }
  const token = randomBytes(32).toString('base64url')
  const opened = await sql.begin(async (tx) => {
    // Whatever the outcome, the cookie the client sent is replaced by this login: end its session.
    if (ctx.previousToken) await deleteSession(tx, ctx.previousToken)
    const inserted = await insertSession(tx, token, user, ctx.session.maxHours)
    await settleLogin(tx, src, inserted, ctx.throttle)
    if (!inserted) return false
    await deleteStaleSessions(tx, user.id, ctx.session)
    await appendAudit(tx, { actorId: user.id, action: 'auth.login' })
    return true
  })
  // The password was reset or the user disabled while scrypt ran: the old password no longer opens anything.
  if (!opened) throw refuse('auth.wrong_password')
  await pruneThrottle(sql)
  return { ok: true, user, token }
}
