// The claims a fact-check gate checks: recording them for a draft, locking them for a check, checking them.
import { z } from 'zod'
import type { ClaimUpdate } from '../../contracts/runs'
import { Role } from '../../contracts/roles'
import type { Queryable, Tx } from '../db/connect'
import type { ExtractedClaim } from '../policy/claims'

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
    where c.id = any(${[...ids]}::uuid[]) order by c.id for update of c`,
  )
}

/**
 * Claim `position` of draft `version`, carrying the check of the latest earlier draft holding the
 * same statement (by the database's claim_statement()) when that one was verified; a claim
 * already recorded stays. The version it was carried from; null when not carried or already there.
 */
export async function insertClaim(
  db: Queryable,
  { runId, version, position, claim }: { runId: string; version: number; position: number; claim: ExtractedClaim },
): Promise<number | null> {
  const rows = await db`insert into claims as c (run_id, draft_version, position, text, kind, start_offset, end_offset,
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
  return rows[0] ? z.object({ from_version: z.number().nullable() }).parse(rows[0]).from_version : null
}

/** How many claims of draft `version` are not verified. */
export async function countUnverifiedClaims(db: Queryable, { runId, version }: { runId: string; version: number }): Promise<number> {
  const rows = await db`select count(*)::int as n from claims where run_id = ${runId}
    and draft_version = ${version} and status <> 'verified'`
  return z.object({ n: z.number() }).parse(rows[0]).n
}

/** One claim checked by `userId`: verified with its source, or rejected; a carried check is replaced. */
export async function setClaimCheck(
  db: Queryable,
  { claimId, status, source, userId }: { claimId: string; status: ClaimUpdate['status']; source: string | null; userId: string },
): Promise<void> {
  await db`update claims set status = ${status}, source = ${source}, checked_by = ${userId},
    checked_at = now(), carried_from = null where id = ${claimId}`
}

/** Several claims verified by `userId` with one source; carried checks are replaced. */
export async function setClaimsVerified(
  db: Queryable,
  { claimIds, source, userId }: { claimIds: string[]; source: string; userId: string },
): Promise<void> {
  await db`update claims set status = 'verified', source = ${source}, checked_by = ${userId}, checked_at = now(),
    carried_from = null where id = any(${claimIds}::uuid[])`
}
