import { createHash } from 'node:crypto'
import { z } from 'zod'
import { Role } from '../../contracts/roles'
import type { Queryable } from '../db/connect'

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

export async function insertSession(db: Queryable, token: string, userId: string, ttlHours: number) {
  await db`insert into sessions (token_hash, user_id, expires_at)
    values (${sha256(token)}, ${userId}, now() + ${ttlHours} * interval '1 hour')`
}

export async function findSessionUser(db: Queryable, token: string): Promise<UserRow | undefined> {
  const rows = await db`select u.id, u.email, u.name, u.roles, u.password_hash
    from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${sha256(token)} and s.expires_at > now() and u.disabled_at is null`
  return rows[0] ? UserRow.parse(rows[0]) : undefined
}

export async function deleteSession(db: Queryable, token: string) {
  await db`delete from sessions where token_hash = ${sha256(token)}`
}
