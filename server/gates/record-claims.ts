import { appendAudit } from '../audit/append'
import type { Tx } from '../db/connect'
import type { ExtractedClaim } from '../policy/claims'

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
    const rows = await tx`insert into claims as c (run_id, draft_version, position, text, kind, start_offset, end_offset,
        status, source, checked_by, carried_from)
      select ${runId}, ${version}, ${position}, ${claim.text}, ${claim.kind}, ${claim.start}, ${claim.end},
        coalesce(p.status, 'pending'), p.source, p.checked_by, p.id
      from (select 1) one left join lateral (
        select last.id, last.status, last.source, last.checked_by from (
          select id, status, source, checked_by from claims
          where run_id = ${runId} and draft_version < ${version} and claim_statement(text) = claim_statement(${claim.text})
          order by draft_version desc, position limit 1) last
        where last.status = 'verified') p on true
      on conflict (run_id, draft_version, position) do nothing
      returning (select s.draft_version from claims s where s.id = c.carried_from) as from_version`
    const v = rows[0]?.from_version
    if (v !== null && v !== undefined) from.push(Number(v))
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
