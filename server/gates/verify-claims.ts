import type { ClaimsVerify } from '../../contracts/runs'
import { appendAudit } from '../audit/append'
import type { UserRow } from '../auth/queries'
import type { Sql } from '../db/connect'
import { AppError, notFound } from '../errors'
import { assertMayCheck, lockClaims } from './claim-access'

/**
 * One source verifies several claims of one draft: the same rule as checking one claim
 * (check-claim.ts) for every claim, and all of them or none, in one transaction with one audit row.
 */
export async function verifyClaims({ sql, user, input }: { sql: Sql; user: UserRow; input: ClaimsVerify }) {
  return sql.begin(async (tx) => {
    const claims = await lockClaims(tx, input.claimIds)
    const found = new Set(claims.map((c) => c.id))
    const unknown = input.claimIds.find((id) => !found.has(id))
    if (unknown) throw notFound(`claim ${unknown}`)
    const [first] = claims
    if (claims.some((c) => c.run_id !== first!.run_id || c.draft_version !== first!.draft_version)) {
      throw new AppError('bad_request', 'verify the claims of one draft at a time', [{ path: 'claimIds', message: 'claims of one draft' }])
    }
    for (const c of claims) assertMayCheck(c, user)
    await tx`update claims set status = 'verified', source = ${input.source}, checked_by = ${user.id}, checked_at = now(),
      carried_from = null where id = any(${input.claimIds}::uuid[])`
    await appendAudit(tx, {
      actorId: user.id,
      action: 'claims.verified',
      runId: first!.run_id,
      data: { claimIds: input.claimIds, count: claims.length, status: 'verified', hasSource: true, draftVersion: first!.draft_version },
    })
    return { runId: first!.run_id, verified: claims.length }
  })
}
