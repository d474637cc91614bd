import type { ClaimsVerify } from '../../contracts/runs'
import { appendAudit } from '../audit/append'
import { refuse } from '../refusals'
import type { VerbArgs } from '../verb'
import { assertMayCheck, lockClaims } from './claim-access'
import { setClaimsVerified } from './claim-queries'

/**
 * One source verifies several claims of one draft: the same rule as checking one claim
 * (check-claim.ts) for every claim, and all of them or none, in one transaction with one audit row.
 */
export async function verifyClaims({ ctx: { db, user }, input: { claimIds, source } }: VerbArgs<ClaimsVerify>) {
  return db.begin(async (tx) => {
    const claims = await lockClaims(tx, claimIds)
    const found = new Set(claims.map((c) => c.id))
    const unknown = claimIds.find((id) => !found.has(id))
    if (unknown) throw refuse('not_found.claim_id', { id: unknown })
    const [first] = claims
    if (claims.some((c) => c.run_id !== first!.run_id || c.draft_version !== first!.draft_version)) {
      throw refuse('claim.one_draft', {}, [{ path: 'claimIds', message: 'claims of one draft' }])
    }
    for (const c of claims) assertMayCheck(c, user)
    await setClaimsVerified(tx, { claimIds, source, userId: user.id })
    await appendAudit(tx, {
      actorId: user.id,
      action: 'claims.verified',
      runId: first!.run_id,
      data: { claimIds, count: claims.length, status: 'verified', hasSource: true, draftVersion: first!.draft_version },
    })
    return { runId: first!.run_id, verified: claims.length }
  })
}
