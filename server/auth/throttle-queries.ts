import { z } from 'zod'
import type { Queryable } from '../db/connect'
import { sha256 } from './queries'
import type { ThrottleState } from './throttle-policy'

/** The account's key: a hash of the normalised e-mail, the same for known and unknown e-mails. */
export const accountKey = (email: string) => `acct:${sha256(email.trim().toLowerCase())}`
/** The client's key: the address itself (see 007 for why it is kept plain in this table). */
export const ipKey = (ip: string | undefined) => `ip:${ip ?? 'unknown'}`

const Row = z.object({
  now: z.date(),
  failures: z.number().int(),
  pending: z.number().int(),
  pending_at: z.date().nullable(),
  locked_until: z.date().nullable(),
  reset_at: z.date(),
  refused: z.number().int(),
  audited_at: z.date().nullable(),
})

/**
 * Reads one key's state and row-locks it until the transaction ends, so two processes
 * deciding about the same key take turns. One statement: the insert makes a missing row exist
 * (`select … for update` cannot lock a row that is not there, and two first attempts would
 * both pass), and the no-op update on conflict locks an existing one and returns it.
 * `now` is the database's clock, shared by every API process.
 */
export async function lockThrottle(tx: Queryable, key: string): Promise<{ now: Date; state: ThrottleState }> {
  const rows = await tx`insert into login_throttle as t (key) values (${key})
    on conflict (key) do update set key = t.key
    returning now() as now, failures, pending, pending_at, locked_until, reset_at, refused, audited_at`
  const r = Row.parse(rows[0])
  return {
    now: r.now,
    state: {
      failures: r.failures,
      pending: r.pending,
      pendingAt: r.pending_at,
      lockedUntil: r.locked_until,
      resetAt: r.reset_at,
      refused: r.refused,
      auditedAt: r.audited_at,
    },
  }
}

export async function saveThrottle(tx: Queryable, key: string, s: ThrottleState) {
  await tx`update login_throttle set failures = ${s.failures}, pending = ${s.pending}, pending_at = ${s.pendingAt},
    locked_until = ${s.lockedUntil}, reset_at = ${s.resetAt}, refused = ${s.refused}, audited_at = ${s.auditedAt}
    where key = ${key}`
}

export async function deleteThrottle(db: Queryable, key: string) {
  await db`delete from login_throttle where key = ${key}`
}

/** Rows past their reset time mean nothing; called after successful logins to keep the table small. */
export async function pruneThrottle(db: Queryable) {
  await db`delete from login_throttle where reset_at < now()`
}
