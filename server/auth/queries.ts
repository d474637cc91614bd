import { createHash } from 'node:crypto'
import { z } from 'zod'
import { Role } from '../../contracts/roles'
import type { Queryable } from '../db/connect'
import type { SessionLimits } from './session-limits'

export const UserRow = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(Role),
  password_hash: z.string(),
})
export type UserRow = z.infer<typeof UserRow>

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const rows = await db`select id, email, name, roles, password_hash from users
    where email = ${email} and disabled_at is null`
  return rows[0] ? UserRow.parse(rows[0]) : undefined
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const rows = await db`select id, email, name, roles, password_hash from users where id = ${id} and disabled_at is null`
  return rows[0] ? UserRow.parse(rows[0]) : undefined
}

/**
 * Opens a session only if the user is still active with the password hash that was just
 * verified: a reset or a disable that landed during the ~0.45 s of scrypt wins. False if not.
 */
export async function insertSession(db: Queryable, token: string, user: UserRow, ttlHours: number): Promise<boolean> {
  const rows = await db`insert into sessions (token_hash, user_id, expires_at)
    select ${sha256(token)}, id, now() + ${ttlHours} * interval '1 hour' from users
    where id = ${user.id} and password_hash = ${user.password_hash} and disabled_at is null
    for share -- waits for a reset in progress and then sees its new hash
    returning 1`
  return rows.length === 1
}

const SessionRow = UserRow.extend({ valid: z.boolean(), stale: z.boolean() })

/**
 * The session behind a token, with its verdict: `valid` is false once it has expired, sat idle
 * too long, outlived the (possibly lowered) maximum age, or its user was disabled; `stale`
 * says last_seen_at is over a minute old and wants a touch.
 */
export async function findSession(db: Queryable, token: string, limits: SessionLimits) {
  const rows = await db`select u.id, u.email, u.name, u.roles, u.password_hash,
      (s.expires_at > now()
        and s.created_at > now() - ${limits.maxHours} * interval '1 hour'
        and s.last_seen_at > now() - ${limits.idleMinutes} * interval '1 minute'
        and u.disabled_at is null) as valid,
      s.last_seen_at < now() - interval '1 minute' as stale
    from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${sha256(token)}`
  if (!rows[0]) return undefined
  const { valid, stale, ...user } = SessionRow.parse(rows[0])
  return { user: UserRow.parse(user), valid, stale }
}

/** At most one write a minute per session, even with several API processes racing. */
export async function touchSession(db: Queryable, token: string) {
  await db`update sessions set last_seen_at = now()
    where token_hash = ${sha256(token)} and last_seen_at < now() - interval '1 minute'`
}

export async function deleteSession(db: Queryable, token: string) {
  await db`delete from sessions where token_hash = ${sha256(token)}`
}

/** A user's sessions that can no longer be used; cleaned up when they log in again. */
export async function deleteStaleSessions(db: Queryable, userId: string, limits: SessionLimits) {
  await db`delete from sessions where user_id = ${userId} and (expires_at < now()
    or created_at < now() - ${limits.maxHours} * interval '1 hour'
    or last_seen_at < now() - ${limits.idleMinutes} * interval '1 minute')`
}

/** Ends every session of the user with this e-mail (if any); how many were ended. */
export async function deleteSessionsOfEmail(db: Queryable, email: string): Promise<number> {
  const ended = await db`delete from sessions where user_id = (select id from users where email = ${email}) returning 1`
  return ended.length
}

const SavedUser = z.object({ id: z.string(), created: z.boolean() })

/**
 * Creates the user, or sets the name, password hash, roles and team of an existing one and
 * enables it again; `created` says which. Undefined if no row came back.
 */
export async function upsertUser(
  db: Queryable,
  user: { email: string; name: string; passwordHash: string; roles: Role[]; team: string | null },
): Promise<{ id: string; created: boolean } | undefined> {
  const [row] = await db`insert into users (email, name, password_hash, roles, team)
      values (${user.email}, ${user.name}, ${user.passwordHash}, ${user.roles}, ${user.team})
      on conflict (email) do update set name = excluded.name, password_hash = excluded.password_hash,
        roles = excluded.roles, team = excluded.team, disabled_at = null
      returning id, (xmax = 0) as created`
  return row ? SavedUser.parse(row) : undefined
}

const IdRow = z.object({ id: z.string() })

/** A demo user with one role in team `demo`, unless the e-mail is taken: its id, or undefined when it existed. */
export async function insertDemoUser(
  db: Queryable,
  user: { email: string; name: string; passwordHash: string; role: Role },
): Promise<string | undefined> {
  const [row] = await db`insert into users (email, name, password_hash, roles, team)
        values (${user.email}, ${user.name}, ${user.passwordHash}, ${[user.role]}, 'demo')
        on conflict (email) do nothing returning id`
  return row ? IdRow.parse(row).id : undefined
}

/** Marks the user disabled (keeping the first time it was); its id, or undefined when there is no such user. */
export async function disableUserByEmail(db: Queryable, email: string): Promise<string | undefined> {
  const [row] = await db`update users set disabled_at = coalesce(disabled_at, now())
      where email = ${email} returning id`
  return row ? IdRow.parse(row).id : undefined
}
