import type { ClaimUpdate } from '../../contracts/runs'
import { appendAudit } from '../audit/append'
import type { UserRow } from '../auth/queries'
import type { Sql } from '../db/connect'
import { conflict, forbidden, notFound } from '../errors'

/**
 * The fact-check owner marks one claim verified (with its source) or rejected, while the draft's
 * fact_check gate is open. Only someone who could pass that gate may do it.
 */
export async function checkClaim({ sql, user, claimId, input }: { sql: Sql; user: UserRow; claimId: string; input: ClaimUpdate }) {
  return sql.begin(async (tx) => {
    const [claim] = await tx`select c.id, c.run_id, c.draft_version, r.author_id, g.id as gate_id, g.status as gate_status,
        g.role, g.assignee_id, a.email as assignee_email
      from claims c join runs r on r.id = c.run_id
      left join gates g on g.run_id = c.run_id and g.draft_version = c.draft_version and g.gate = 'fact_check'
      left join users a on a.id = g.assignee_id
      where c.id = ${claimId} for update of c`
    if (!claim) throw notFound('claim')
    if (claim.author_id === user.id) throw forbidden('the author cannot check the claims of their own draft')
    if (!claim.gate_id) throw conflict('this draft has no fact_check gate')
    if (!user.roles.includes(claim.role)) throw forbidden(`checking claims needs the ${claim.role} role`)
    if (claim.assignee_id && claim.assignee_id !== user.id) throw forbidden(`the fact check is assigned to ${claim.assignee_email}`)
    if (claim.gate_status !== 'open') throw conflict(`the fact_check gate is ${claim.gate_status}, not open`)
    await tx`update claims set status = ${input.status}, source = ${input.source || null}, checked_by = ${user.id},
      checked_at = now() where id = ${claimId}`
    await appendAudit(tx, {
      actorId: user.id, action: 'claim.checked', runId: claim.run_id,
      data: { claimId, status: input.status, hasSource: input.source.length > 0, draftVersion: claim.draft_version },
    })
    return { runId: String(claim.run_id) }
  })
}
