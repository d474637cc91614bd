import { appendAudit } from '../audit/append'
import type { Queryable, Sql } from '../db/connect'
import { sha256 } from './queries'
import { ACCOUNT_LIMITS, IP_LIMITS, admit, afterFailure, afterSuccess, refuse, type ThrottleLimits } from './throttle-policy'
import { accountKey, deleteThrottle, ipKey, lockThrottle, saveThrottle } from './throttle-queries'

export type ThrottleOptions = { account: ThrottleLimits; ip: ThrottleLimits }
export const DEFAULT_THROTTLE: ThrottleOptions = { account: ACCOUNT_LIMITS, ip: IP_LIMITS }

/** Who is trying: the e-mail as typed (normalised here) and the client address, if known. */
export type LoginSource = { email: string; ip: string | undefined }

export type Throttled = { ok: false; scope: 'account' | 'ip'; reason: 'locked' | 'busy'; retryAfter: number }

/**
 * A short pseudonym for the permanent audit log: rows about the same address or account can be
 * matched, but neither is written in clear. (An IPv4 hash can be brute-forced; it keeps the
 * address out of plain sight in a log nobody may delete from, it is not anonymisation.)
 */
export const auditDigest = (s: string) => sha256(s).slice(0, 16)

/**
 * Before any password is checked: may this attempt run scrypt? The IP is checked first, then
 * the account; an admitted attempt reserves a slot on both (see throttle-policy). A refusal
 * writes nothing to the other key and is audited in the same transaction, at most once a
 * minute per key, with the number of attempts the row stands for.
 */
export async function admitLogin(sql: Sql, src: LoginSource, limits: ThrottleOptions): Promise<{ ok: true } | Throttled> {
  const keys = [
    { scope: 'ip', key: ipKey(src.ip), limits: limits.ip },
    { scope: 'account', key: accountKey(src.email), limits: limits.account },
  ] as const
  return sql.begin(async (tx) => {
    const admitted = []
    for (const k of keys) {
      const { now, state } = await lockThrottle(tx, k.key)
      const a = admit(state, now, k.limits)
      if (!a.ok) {
        const { next, audit } = refuse(state, now)
        await saveThrottle(tx, k.key, next)
        if (audit !== null) {
          // No e-mail, no password: digests of the keys only.
          await appendAudit(tx, {
            actorId: null,
            action: 'auth.throttled',
            data: {
              scope: k.scope,
              reason: a.reason,
              retryAfter: a.retryAfter,
              refused: audit,
              ip: auditDigest(keys[0].key),
              account: auditDigest(keys[1].key),
            },
          })
        }
        return { ok: false as const, scope: k.scope, reason: a.reason, retryAfter: a.retryAfter }
      }
      admitted.push({ key: k.key, next: a.next })
    }
    for (const a of admitted) await saveThrottle(tx, a.key, a.next)
    return { ok: true as const }
  })
}

/**
 * After the password check, in the transaction that records the outcome: a failure is counted
 * on both keys (and may start a lock); a success clears the account's count and gives the
 * IP's reservation back. The IP's failures stay: logging into one's own account between
 * guesses must not reset the count of guesses at other accounts.
 */
export async function settleLogin(tx: Queryable, src: LoginSource, ok: boolean, limits: ThrottleOptions) {
  const ip = ipKey(src.ip)
  const { now, state } = await lockThrottle(tx, ip)
  await saveThrottle(tx, ip, ok ? afterSuccess(state, now) : afterFailure(state, now, limits.ip))
  const account = accountKey(src.email)
  if (ok) return deleteThrottle(tx, account)
  const a = await lockThrottle(tx, account)
  await saveThrottle(tx, account, afterFailure(a.state, a.now, limits.account))
}
