import { appendAudit } from '../audit/append'
import type { Tx } from '../db/connect'
import type { ExtractedClaim } from '../policy/claims'
import { insertClaim } from './claim-queries'

/**
 * Records the claims of draft `version` (inside the planning transaction). A claim whose
 * statement the latest earlier draft holding it had verified keeps that check: it is created
 * verified, with the same source and checker, naming the claim it carries (`carried_from`). The
 * statement is compared by the database's claim_statement(), the same rule its guard checks, so
 * the two can never disagree. One audit row says how many were carried, from which version.
 */
export async function recordClaims(tx: Tx, { runId, version, claims }: { runId: string; version: number; claims: ExtractedClaim[] }) {
  const from: number[] = []
  for (const [position, claim] of claims.entries()) {
    const v = await insertClaim(tx, { runId, version, position, claim })
    if (v !== null) from.push(v)
  }
  if (from.length > 0) {
    const versions = [...new Set(from)].sort((a, b) => a - b)
    await appendAudit(tx, {
      actorId: null,
      action: 'claim.carried',
      runId,
      data: {
        count: from.length,
        fromVersion: versions.at(-1),
        toVersion: version,
        ...(versions.length > 1 ? { fromVersions: versions } : {}),
      },
    })
  }
  return { carried: from.length }
}
