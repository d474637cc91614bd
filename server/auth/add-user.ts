import { z } from 'zod'
import { Role } from '../../contracts/roles'
import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { AppError } from '../errors'
import { hashPassword } from './password'

export const AddUser = z.object({
  email: z.email().transform((s) => s.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  roles: z.array(Role).min(1),
  password: z.string().min(10, 'at least 10 characters').max(1024),
  team: z.string().trim().min(1).max(100).optional(),
})
export type AddUser = z.infer<typeof AddUser>

/** Creates a user, or sets the roles and password of an existing one; audited, password never logged. */
export async function addUser(sql: Sql, input: AddUser): Promise<{ id: string; created: boolean }> {
  const hash = await hashPassword(input.password)
  return sql.begin(async (tx) => {
    const rows = await tx`insert into users (email, name, password_hash, roles, team)
      values (${input.email}, ${input.name}, ${hash}, ${input.roles}, ${input.team ?? null})
      on conflict (email) do update set name = excluded.name, password_hash = excluded.password_hash,
        roles = excluded.roles, team = excluded.team, disabled_at = null
      returning id, (xmax = 0) as created`
    const row = rows[0]
    if (!row) throw new AppError('internal', 'user was not saved')
    await appendAudit(tx, { actorId: null, action: 'user.add', data: { userId: row.id, roles: input.roles, created: row.created, via: 'cli' } })
    return { id: String(row.id), created: Boolean(row.created) }
  })
}
