import type { ClaimUpdate } from '../../contracts/runs'
import { appendAudit } from '../audit/append'
import type { UserRow } from '../auth/queries'
import type { Sql } from '../db/connect'
import { notFound } from '../errors'
import { assertMayCheck, lockClaims } from './claim-access'

/**
 * The fact-check owner marks one claim verified (with its source) or rejected, while the draft's
 * fact_check gate is open. Only someone who could pass that gate may do it. A claim carried over
 * from an earlier draft may be checked again: the new check replaces the carried one.
 */
export async function checkClaim({ sql, user, claimId, input }: { sql: Sql; user: UserRow; claimId: string; input: ClaimUpdate }) {
  return sql.begin(async (tx) => {
    const [claim] = await lockClaims(tx, [claimId])
    if (!claim) throw notFound('claim')
    assertMayCheck(claim, user)
    await tx`update claims set status = ${input.status}, source = ${input.source || null}, checked_by = ${user.id},
      checked_at = now(), carried_from = null where id = ${claimId}`
    await appendAudit(tx, {
      actorId: user.id,
      action: 'claim.checked',
      runId: claim.run_id,
      data: { claimId, status: input.status, hasSource: input.source.length > 0, draftVersion: claim.draft_version },
    })
    return { runId: claim.run_id }
  })
}
