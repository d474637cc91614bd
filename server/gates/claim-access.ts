import { z } from 'zod'
import { Role } from '../../contracts/roles'
import type { UserRow } from '../auth/queries'
import type { Tx } from '../db/connect'
import { conflict, forbidden } from '../errors'

/** A claim with what decides who may check it: the run's author and its draft's fact_check gate. */
export const ClaimForCheck = z.object({
  id: z.string(),
  run_id: z.string(),
  draft_version: z.number(),
  author_id: z.string(),
  gate_id: z.string().nullable(),
  gate_status: z.string().nullable(),
  role: Role.nullable(),
  assignee_id: z.string().nullable(),
  assignee_email: z.string().nullable(),
})
export type ClaimForCheck = z.infer<typeof ClaimForCheck>

/** The claims with `ids`, locked for the check (the caller holds the transaction). */
export async function lockClaims(tx: Tx, ids: readonly string[]): Promise<ClaimForCheck[]> {
  return z.array(ClaimForCheck).parse(
    await tx`select c.id, c.run_id, c.draft_version, r.author_id, g.id as gate_id,
      g.status as gate_status, g.role, g.assignee_id, a.email as assignee_email
    from claims c join runs r on r.id = c.run_id
    left join gates g on g.run_id = c.run_id and g.draft_version = c.draft_version and g.gate = 'fact_check'
    left join users a on a.id = g.assignee_id
    where c.id = any(${ids as string[]}::uuid[]) order by c.id for update of c`,
  )
}

/**
 * Who may check a claim: someone who could pass its draft's fact_check gate while it is open —
 * never the author, the gate's role, its assignee when it has one. The database checks again.
 */
export function assertMayCheck(claim: ClaimForCheck, user: UserRow) {
  if (claim.author_id === user.id) throw forbidden('the author cannot check the claims of their own draft')
  if (!claim.gate_id) throw conflict('this draft has no fact_check gate')
  if (!claim.role || !user.roles.includes(claim.role)) throw forbidden(`checking claims needs the ${claim.role} role`)
  if (claim.assignee_id && claim.assignee_id !== user.id) throw forbidden(`the fact check is assigned to ${claim.assignee_email}`)
  if (claim.gate_status !== 'open') throw conflict(`the fact_check gate is ${claim.gate_status}, not open`)
}
