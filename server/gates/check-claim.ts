import type { ClaimUpdate } from '../../contracts/runs'
import { appendAudit } from '../audit/append'
import { refuse } from '../refusals'
import type { VerbArgs } from '../verb'
import { assertMayCheck, lockClaims } from './claim-access'
import { setClaimCheck } from './claim-queries'

/**
 * The fact-check owner marks one claim verified (with its source) or rejected, while the draft's
 * fact_check gate is open. Only someone who could pass that gate may do it. A claim carried over
 * from an earlier draft may be checked again: the new check replaces the carried one.
 * Who may check depends on the locked claim, so the check runs inside the transaction.
 */
export async function checkClaim({ ctx: { db, user }, input: { claimId, status, source } }: VerbArgs<ClaimUpdate & { claimId: string }>) {
  return db.begin(async (tx) => {
    const [claim] = await lockClaims(tx, [claimId])
    if (!claim) throw refuse('not_found.claim')
    assertMayCheck(claim, user)
    await setClaimCheck(tx, { claimId, status, source: source || null, userId: user.id })
    await appendAudit(tx, {
      actorId: user.id,
      action: 'claim.checked',
      runId: claim.run_id,
      data: { claimId, status, hasSource: source.length > 0, draftVersion: claim.draft_version },
    })
    return { runId: claim.run_id }
  })
}
