// The gates of a run and the claims its fact-check gate checks, as rows.
import { z } from 'zod'
import { BriefKind } from '../../contracts/briefs'
import { ClaimStatus, type Decision, GateName, GateStatus, MissingWording } from '../../contracts/runs'
import { Role } from '../../contracts/roles'
import type { UserRow } from '../auth/queries'
import { isoOrNull } from '../db/columns'
import type { Queryable } from '../db/connect'
import type { PlannedGate } from '../policy/plan'

export const GateRow = z.object({
  id: z.string(),
  run_id: z.string(),
  draft_version: z.number(),
  position: z.number(),
  gate: GateName,
  role: Role,
  status: GateStatus,
  assignee_id: z.string().nullable(),
  assignee_email: z.string().nullable(),
  owner_named: z.boolean(),
  assigned_by_email: z.string().nullable(),
  assigned_at: isoOrNull,
  sla_business_days: z.number(),
  waivable_by: z.array(Role),
  escalate_to: Role.nullable(),
  due_at: isoOrNull,
  opened_at: isoOrNull,
  decided_by_email: z.string().nullable(),
  decided_at: isoOrNull,
  comment: z.string().nullable(),
})
export type GateRow = z.infer<typeof GateRow>

const GATE_COLUMNS = (db: Queryable) => db`g.id, g.run_id, g.draft_version, g.position, g.gate, g.role, g.status,
  g.assignee_id, a.email as assignee_email, g.owner_named, (select email from users where id = g.assigned_by) as assigned_by_email,
  g.assigned_at, g.sla_business_days, g.waivable_by, g.escalate_to, g.due_at, g.opened_at, d.email as decided_by_email,
  g.decided_at, g.comment`

export async function selectGates(db: Queryable, runId: string): Promise<GateRow[]> {
  return z.array(GateRow).parse(
    await db`select ${GATE_COLUMNS(db)}
    from gates g left join users a on a.id = g.assignee_id left join users d on d.id = g.decided_by
    where g.run_id = ${runId} order by g.draft_version desc, g.position`,
  )
}

export async function selectGate(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<GateRow | undefined> {
  const rows = await db`select ${GATE_COLUMNS(db)}
    from gates g left join users a on a.id = g.assignee_id left join users d on d.id = g.decided_by
    where g.id = ${id} ${opts.forUpdate ? db`for update of g` : db``}`
  return rows[0] ? GateRow.parse(rows[0]) : undefined
}

export const ClaimRow = z.object({
  id: z.string(),
  draft_version: z.number(),
  position: z.number(),
  text: z.string(),
  kind: z.string(),
  start_offset: z.number().nullable(),
  end_offset: z.number().nullable(),
  status: ClaimStatus,
  source: z.string().nullable(),
  checked_by_email: z.string().nullable(),
  checked_at: isoOrNull,
  carried_from: z.string().nullable(),
  carried_from_version: z.number().nullable(),
})
export type ClaimRow = z.infer<typeof ClaimRow>

export async function selectClaims(db: Queryable, runId: string): Promise<ClaimRow[]> {
  return z.array(ClaimRow).parse(
    await db`select c.id, c.draft_version, c.position, c.text, c.kind, c.start_offset,
      c.end_offset, c.status, c.source, u.email as checked_by_email, c.checked_at, c.carried_from, s.draft_version as carried_from_version
    from claims c left join users u on u.id = c.checked_by left join claims s on s.id = c.carried_from
    where c.run_id = ${runId} order by c.draft_version desc, c.position`,
  )
}

/** The ids of the gates planned for draft `version` of a run, in order. */
export async function selectGateIds(db: Queryable, { runId, version }: { runId: string; version: number }): Promise<string[]> {
  const rows = z
    .array(z.object({ id: z.string() }))
    .parse(await db`select id from gates where run_id = ${runId} and draft_version = ${version} order by position`)
  return rows.map((r) => r.id)
}

/** One planned gate of draft `version`, its assignee by e-mail (an active user, else nobody); a gate already planned stays. */
export async function insertGate(
  db: Queryable,
  { runId, version, position, gate }: { runId: string; version: number; position: number; gate: PlannedGate },
): Promise<void> {
  await db`insert into gates (run_id, draft_version, position, gate, role, assignee_id, sla_business_days, waivable_by, escalate_to)
    values (${runId}, ${version}, ${position}, ${gate.gate}, ${gate.role},
      (select id from users where email = ${gate.assigneeEmail} and disabled_at is null),
      ${gate.slaBusinessDays}, ${gate.waivableBy}, ${gate.escalateTo})
    on conflict (run_id, draft_version, gate) do nothing`
}

/** Locks the run (lock order everywhere: the run, then its gates). */
export async function lockRun(db: Queryable, runId: string): Promise<void> {
  await db`select id from runs where id = ${runId} for update`
}

const JobLease = z.object({ status: z.string(), locked_by: z.string().nullable() })
export type JobLease = z.infer<typeof JobLease>

/** A job's status and the worker holding it, locked. */
export async function lockJob(db: Queryable, jobId: number): Promise<JobLease | undefined> {
  const rows = await db`select status, locked_by from jobs where id = ${jobId} for update`
  return rows[0] ? JobLease.parse(rows[0]) : undefined
}

/** The SLA in business days of a gate of the run still pending, or undefined. */
export async function selectPendingGateSla(
  db: Queryable,
  { runId, gateId }: { runId: string; gateId: string },
): Promise<number | undefined> {
  const rows = await db`select sla_business_days from gates where id = ${gateId} and run_id = ${runId} and status = 'pending'`
  return rows[0] ? z.object({ sla_business_days: z.number() }).parse(rows[0]).sla_business_days : undefined
}

const OpenedGate = z.object({ gate: GateName, role: Role })
export type OpenedGate = z.infer<typeof OpenedGate>

/** Opens a pending gate of the run with its due date; the gate and role opened, or undefined when it was not pending. */
export async function openPendingGate(
  db: Queryable,
  { runId, gateId, openedAt, dueAt }: { runId: string; gateId: string; openedAt: Date; dueAt: Date | null },
): Promise<OpenedGate | undefined> {
  const rows = await db`update gates set status = 'open', opened_at = ${openedAt}, due_at = ${dueAt}
    where id = ${gateId} and run_id = ${runId} and status = 'pending' returning gate, role`
  return rows[0] ? OpenedGate.parse(rows[0]) : undefined
}

/** A gate of the same draft, other than `gateId`, that `userId` already passed or waived: its name, or undefined. */
export async function selectGatePassedBy(
  db: Queryable,
  { runId, draftVersion, gateId, userId }: { runId: string; draftVersion: number; gateId: string; userId: string },
): Promise<GateName | undefined> {
  const rows = await db`select gate from gates where run_id = ${runId} and draft_version = ${draftVersion}
    and id <> ${gateId} and decided_by = ${userId} and status in ('passed', 'waived')`
  return rows[0] ? z.object({ gate: GateName }).parse(rows[0]).gate : undefined
}

/** How many personal-data findings the draft holds, or undefined when there is no such draft. */
export async function selectDraftPiiFindings(
  db: Queryable,
  { runId, version }: { runId: string; version: number },
): Promise<number | undefined> {
  const rows = await db`select pii_findings from drafts where run_id = ${runId} and version = ${version}`
  return rows[0] ? z.object({ pii_findings: z.number() }).parse(rows[0]).pii_findings : undefined
}

/** The mandatory wording the draft lacks (drafts.missing); none when there is no such draft. */
export async function selectDraftMissing(
  db: Queryable,
  { runId, version }: { runId: string; version: number },
): Promise<z.infer<typeof MissingWording>[]> {
  const rows = await db`select missing from drafts where run_id = ${runId} and version = ${version}`
  const draft = rows[0] ? z.object({ missing: z.array(MissingWording).nullable() }).parse(rows[0]) : undefined
  return draft?.missing ?? []
}

/** Records a reviewer's decision on the gate itself. */
export async function setGateDecision(
  db: Queryable,
  { gateId, status, userId, comment }: { gateId: string; status: GateStatus; userId: string; comment: string | null },
): Promise<void> {
  await db`update gates set status = ${status}, decided_by = ${userId}, decided_at = now(),
    comment = ${comment} where id = ${gateId}`
}

/** The decision history: one row per decision, with the policy in force and any missing wording waived. */
export async function insertGateDecision(
  db: Queryable,
  d: {
    gateId: string
    runId: string
    userId: string
    decision: Decision
    comment: string
    policyVersion: string | null
    missingWaived: string[] | null
    missingWaiverReason: string | null
    /** A paid ad's erid, with the release decision that names it. */
    erid?: string | null
  },
): Promise<void> {
  await db`insert into gate_decisions (gate_id, run_id, decided_by, decision, comment, policy_version, missing_waived, missing_waiver_reason, erid)
    values (${d.gateId}, ${d.runId}, ${d.userId}, ${d.decision}, ${d.comment}, ${d.policyVersion},
      ${d.missingWaived ? db.json(d.missingWaived) : null}, ${d.missingWaiverReason}, ${d.erid ?? null})`
}

/** The pending (later) gates of a draft going back or out: they will never be worked. */
export async function supersedePendingGates(db: Queryable, { runId, version }: { runId: string; version: number }): Promise<void> {
  await db`update gates set status = 'superseded' where run_id = ${runId} and draft_version = ${version}
    and status = 'pending'`
}

/** A run rejected at a gate, whatever its status. */
export async function setRunRejected(db: Queryable, runId: string): Promise<void> {
  await db`update runs set status = 'rejected' where id = ${runId}`
}

export const ReviewRow = z.object({
  gate_id: z.string(),
  gate: GateName,
  run_id: z.string(),
  brief_title: z.string(),
  kind: BriefKind,
  author_email: z.string(),
  due_at: z.coerce.date().nullable(),
  opened_at: z.coerce.date().nullable(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  role: Role,
  assignee_email: z.string().nullable(),
})
export type ReviewRow = z.infer<typeof ReviewRow>

export type QueueFilter = { overdueOnly: boolean; assigned?: 'me' | 'none'; kind?: BriefKind }

/**
 * The open gates `user` could decide (their role, assigned to them or to nobody, not their own
 * work), plus overdue gates escalated to one of their roles; narrowed by the filter; soonest due
 * first, at most 500.
 */
export async function selectReviewQueue(
  db: Queryable,
  { user, overdueOnly, assigned, kind }: { user: Pick<UserRow, 'id' | 'roles'> } & QueueFilter,
): Promise<ReviewRow[]> {
  return z.array(ReviewRow).parse(
    await db`select g.id as gate_id, g.gate, g.run_id, b.title as brief_title, b.kind,
      u.email as author_email, g.due_at, g.opened_at, coalesce(g.due_at < now(), false) as overdue, g.role,
      not (g.role = any(${user.roles}) and (g.assignee_id is null or g.assignee_id = ${user.id})) as escalated,
      a.email as assignee_email
    from gates g join runs r on r.id = g.run_id join briefs b on b.id = r.brief_id join users u on u.id = r.author_id
      left join users a on a.id = g.assignee_id
    where g.status = 'open' and r.author_id <> ${user.id}
      and ((g.role = any(${user.roles}) and (g.assignee_id is null or g.assignee_id = ${user.id}))
        or (g.escalate_to = any(${user.roles}) and g.due_at < now()))
      ${overdueOnly ? db`and g.due_at < now()` : db``}
      ${assigned === 'me' ? db`and g.assignee_id = ${user.id}` : assigned === 'none' ? db`and g.assignee_id is null` : db``}
      ${kind ? db`and b.kind = ${kind}` : db``}
    order by g.due_at nulls last, g.opened_at
    limit 500`,
  )
}

/** Hands gate `gateId` to `assigneeId` (null: to nobody), as `byId`; false when the gate was decided meanwhile. */
export async function setGateAssignee(
  db: Queryable,
  { gateId, assigneeId, byId }: { gateId: string; assigneeId: string | null; byId: string },
): Promise<boolean> {
  const rows = await db`update gates set assignee_id = ${assigneeId}, assigned_by = ${byId}, assigned_at = null
    where id = ${gateId} and status in ('pending', 'open') returning id`
  return rows.length > 0
}

/**
 * After `userId` passes a gate of a draft whose gates need different people, the other reviews of
 * the draft they had claimed go back to their role's queue (they could never decide them now);
 * a named owner stays. The gate names released.
 */
export async function releaseOtherClaims(
  db: Queryable,
  { runId, draftVersion, gateId, userId }: { runId: string; draftVersion: number; gateId: string; userId: string },
): Promise<GateName[]> {
  const rows = await db`update gates set assignee_id = null, assigned_by = ${userId}, assigned_at = null
    where run_id = ${runId} and draft_version = ${draftVersion} and id <> ${gateId} and assignee_id = ${userId}
      and status in ('pending', 'open') and not owner_named
    returning gate`
  return z
    .array(z.object({ gate: GateName }))
    .parse(rows)
    .map((r) => r.gate)
}

/**
 * Whom the policy's different-people rule keeps off gate `gateId`: people who passed another gate
 * of the same draft, or who hold one still to be decided.
 */
export async function selectOtherReviewersOfDraft(
  db: Queryable,
  { runId, draftVersion, gateId }: { runId: string; draftVersion: number; gateId: string },
): Promise<{ user_id: string; gate: GateName }[]> {
  return z.array(z.object({ user_id: z.string(), gate: GateName })).parse(
    await db`select decided_by as user_id, gate from gates where run_id = ${runId} and draft_version = ${draftVersion}
        and id <> ${gateId} and status in ('passed', 'waived') and decided_by is not null
      union all
      select assignee_id as user_id, gate from gates where run_id = ${runId} and draft_version = ${draftVersion}
        and id <> ${gateId} and status in ('pending', 'open') and assignee_id is not null`,
  )
}

export const Candidate = z.object({ id: z.string(), email: z.string(), name: z.string() })
export type Candidate = z.infer<typeof Candidate>

/** Active users holding `role`, by name. */
export async function selectUsersWithRole(db: Queryable, role: string): Promise<Candidate[]> {
  return z
    .array(Candidate)
    .parse(await db`select id, email, name from users where ${role} = any(roles) and disabled_at is null order by name, email limit 500`)
}

const Carriable = z.object({ gate_id: z.string(), gate: z.string(), assignee_id: z.string(), assigned_by: z.string(), email: z.string() })
export type Carriable = z.infer<typeof Carriable>

/**
 * The gates of a new draft version whose gate of the same name, on the version before, was
 * claimed or assigned (not named by the policy): who had it, and who gave it to them.
 */
export async function selectCarriableAssignments(
  db: Queryable,
  { runId, version }: { runId: string; version: number },
): Promise<Carriable[]> {
  return z.array(Carriable).parse(
    await db`select n.id as gate_id, n.gate, p.assignee_id, p.assigned_by, u.email
      from gates n
      join lateral (select g.assignee_id, g.assigned_by, g.owner_named from gates g
        where g.run_id = n.run_id and g.gate = n.gate and g.draft_version < n.draft_version
        order by g.draft_version desc limit 1) p on true
      join users u on u.id = p.assignee_id
      where n.run_id = ${runId} and n.draft_version = ${version} and n.assignee_id is null and not n.owner_named
        and not p.owner_named and p.assigned_by is not null
      order by n.position`,
  )
}
