/**
 * Login throttling decisions, without I/O: given one key's state (an account or a client IP)
 * and the database's clock, may this attempt run scrypt, and what is the state afterwards.
 *
 * The shape: `limit` failures within `windowSeconds` are free; the failure that reaches the
 * limit locks the key for `baseLockSeconds`, and each further failure after a lock ran out
 * doubles it, up to `maxLockSeconds`. While locked, attempts are refused without checking the
 * password and are NOT counted, so flooding a locked key does not lengthen its lock.
 *
 * What an attacker can still do, on purpose: keep an account locked by sending one wrong
 * password whenever its lock runs out (one request per `maxLockSeconds`), which delays the
 * owner's login by at most the cap per try. We accept that over a lockout that needs an admin
 * (or none at all); `copydesk user add` of that user clears the count, and the audit log shows
 * the `auth.throttled` rows.
 */
export type ThrottleLimits = {
  limit: number
  windowSeconds: number
  baseLockSeconds: number
  maxLockSeconds: number
}

/** 5 failures per account in 15 minutes, then 1, 2, 4, 8, 15, 15… minutes. */
export const ACCOUNT_LIMITS: ThrottleLimits = { limit: 5, windowSeconds: 900, baseLockSeconds: 60, maxLockSeconds: 900 }
/** Per client IP a higher limit: an office behind one NAT address mistypes too. */
export const IP_LIMITS: ThrottleLimits = { limit: 30, windowSeconds: 900, baseLockSeconds: 60, maxLockSeconds: 900 }

export type ThrottleState = {
  failures: number
  pending: number
  pendingAt: Date | null
  lockedUntil: Date | null
  resetAt: Date
  refused: number
  auditedAt: Date | null
}

// A reservation whose login never settled (the process died mid-scrypt) stops counting after
// this; a real verification takes under a second even on a busy machine.
const PENDING_STALE_MS = 30_000
// At most one auth.throttled audit row per key per minute: a flood must not grow the
// append-only log by a row per request. Each row says how many attempts it stands for.
const AUDIT_EVERY_MS = 60_000

const plus = (d: Date, ms: number) => new Date(d.getTime() + ms)
const later = (a: Date, b: Date | null) => (b && b > a ? b : a)

export const emptyState = (now: Date): ThrottleState => ({
  failures: 0,
  pending: 0,
  pendingAt: null,
  lockedUntil: null,
  resetAt: now,
  refused: 0,
  auditedAt: null,
})

/** The state as it stands now: forgotten after reset_at, stale reservations dropped. */
function current(s: ThrottleState, now: Date): ThrottleState {
  if (s.resetAt <= now) return { ...emptyState(now), refused: s.refused, auditedAt: s.auditedAt }
  const stale = !s.pendingAt || now.getTime() - s.pendingAt.getTime() > PENDING_STALE_MS
  return stale ? { ...s, pending: 0 } : s
}

export type Admission = { ok: true; next: ThrottleState } | { ok: false; reason: 'locked' | 'busy'; retryAfter: number }

export function admit(s: ThrottleState, now: Date, limits: ThrottleLimits): Admission {
  const c = current(s, now)
  if (c.lockedUntil && c.lockedUntil > now) {
    return { ok: false, reason: 'locked', retryAfter: Math.max(1, Math.ceil((c.lockedUntil.getTime() - now.getTime()) / 1000)) }
  }
  // Below the limit, as many attempts may be in flight as failures are left; once over it
  // (a lock ran out), one at a time, so parallel requests cannot each get a free guess.
  if (c.pending >= Math.max(1, limits.limit - c.failures)) return { ok: false, reason: 'busy', retryAfter: 1 }
  const keep = plus(now, PENDING_STALE_MS)
  return { ok: true, next: { ...c, pending: c.pending + 1, pendingAt: now, resetAt: later(keep, c.resetAt) } }
}

/** A refused attempt: counted for the audit row, never as a failure. */
export function refuse(s: ThrottleState, now: Date): { next: ThrottleState; audit: number | null } {
  const refused = s.refused + 1
  const due = !s.auditedAt || now.getTime() - s.auditedAt.getTime() >= AUDIT_EVERY_MS
  return due ? { next: { ...s, refused: 0, auditedAt: now }, audit: refused } : { next: { ...s, refused }, audit: null }
}

export function afterFailure(s: ThrottleState, now: Date, limits: ThrottleLimits): ThrottleState {
  const c = current(s, now)
  const failures = c.failures + 1
  const over = failures - limits.limit
  const lockedUntil = over >= 0 ? plus(now, Math.min(limits.baseLockSeconds * 2 ** over, limits.maxLockSeconds) * 1000) : c.lockedUntil
  return {
    ...c,
    failures,
    pending: Math.max(0, c.pending - 1),
    lockedUntil,
    resetAt: plus(later(now, lockedUntil), limits.windowSeconds * 1000),
  }
}

/** A success gives its reservation back (the account's row is deleted instead). */
export function afterSuccess(s: ThrottleState, now: Date): ThrottleState {
  const c = current(s, now)
  return { ...c, pending: Math.max(0, c.pending - 1) }
}
