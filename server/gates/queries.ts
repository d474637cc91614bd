// The gates of a run and the claims its fact-check gate checks, as rows.
import { z } from 'zod'
import { ClaimStatus, GateName, GateStatus } from '../../contracts/runs'
import { Role } from '../../contracts/roles'
import { isoOrNull } from '../db/columns'
import type { Queryable } from '../db/connect'

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
  g.assignee_id, a.email as assignee_email, g.sla_business_days, g.waivable_by, g.escalate_to, g.due_at, g.opened_at, d.email as decided_by_email,
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
