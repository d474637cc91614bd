import { ROLES } from '../../contracts/roles'
import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { hashPassword } from './password'
import { insertDemoUser } from './queries'

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
      const id = await insertDemoUser(tx, { email, name, passwordHash: hash, role })
      if (id) {
        await appendAudit(tx, { actorId: null, action: 'user.seed', data: { userId: id, roles: [role] } })
        created.push({ email, role })
      }
    })
  }
  return created
}
