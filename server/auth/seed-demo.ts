import { ROLES } from '../../contracts/roles'
import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { hashPassword } from './password'

export type DemoUser = { email: string; role: string }

/**
 * One demo user per role, `<role>@copydesk.local`. Only for the embedded default database or
 * an explicit `copydesk seed --demo`: never silently on a real database. Existing users are
 * left alone, so a changed password survives restarts.
 */
export async function seedDemoUsers(sql: Sql, password: string): Promise<DemoUser[]> {
  const created: DemoUser[] = []
  const hash = await hashPassword(password)
  for (const role of ROLES) {
    const email = `${role}@copydesk.local`
    const name = `Demo ${role}`
    await sql.begin(async (tx) => {
      const rows = await tx`insert into users (email, name, password_hash, roles, team)
        values (${email}, ${name}, ${hash}, ${[role]}, 'demo')
        on conflict (email) do nothing returning id`
      if (rows[0]) {
        await appendAudit(tx, { actorId: null, action: 'user.seed', data: { userId: rows[0].id, roles: [role] } })
        created.push({ email, role })
      }
    })
  }
  return created
}
