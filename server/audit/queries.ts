import { z } from 'zod'
import type { Queryable } from '../db/connect'
import { jsonValue } from '../db/columns'

/** One audit row to insert; `data` is plain JSON data (never personal data or secrets). */
export type AuditRowInput = {
  actorId: string | null
  action: string
  runId: string | null
  data: Record<string, unknown>
}

export async function insertAuditRow(db: Queryable, row: AuditRowInput): Promise<void> {
  await db`insert into audit_log (actor_id, action, run_id, data)
    values (${row.actorId}, ${row.action}, ${row.runId}, ${db.json(jsonValue(row.data))})`
}

/** A row of the chain as the hash formula reads it (the same text the audit_log_chain trigger hashes). */
export const AuditChainRow = z.object({
  seq: z.coerce.number(),
  at_us: z.string(),
  actor_id: z.string().nullable(),
  action: z.string(),
  run_id: z.string().nullable(),
  data_text: z.string(),
  prev_hash: z.string(),
  hash: z.string(),
})
export type AuditChainRow = z.infer<typeof AuditChainRow>

/** Up to `limit` rows of the chain from row `fromSeq` on, in seq order. */
export async function selectAuditChain(db: Queryable, fromSeq: number, limit: number): Promise<AuditChainRow[]> {
  return z.array(AuditChainRow).parse(
    await db`select seq, (extract(epoch from at) * 1000000)::bigint::text as at_us,
          actor_id::text as actor_id, action, run_id::text as run_id, data::text as data_text, prev_hash, hash
        from audit_log where seq >= ${fromSeq} order by seq limit ${limit}`,
  )
}

const HashRow = z.object({ hash: z.string() })

/** The hash of audit row `seq`; undefined when there is no such row. */
export async function selectAuditHash(db: Queryable, seq: number): Promise<string | undefined> {
  const [row] = await db`select hash from audit_log where seq = ${seq}`
  return row ? HashRow.parse(row).hash : undefined
}

const MismatchRow = z.object({ kind: z.string(), id: z.string(), detail: z.string() })
export type MismatchRow = z.infer<typeof MismatchRow>

/**
 * Where the gates, their decisions, approvals and the log disagree, at most `limit` of each kind
 * (see cross-check.ts for what each kind means).
 */
export async function selectAuditMismatches(db: Queryable, limit: number): Promise<MismatchRow[]> {
  const rows = await db`
    (select 'gate_without_decision' as kind, g.id::text as id, g.gate || ' is ' || g.status || ' by ' || coalesce(g.decided_by::text, 'nobody') as detail
      from gates g
      where g.status in ('passed', 'waived', 'changes_requested', 'rejected') and not exists (select 1 from gate_decisions d
        where d.gate_id = g.id and d.decided_by = g.decided_by and d.decision = gate_decision_of(g.status))
      limit ${limit})
    union all
    (select 'decision_not_logged', d.id::text, d.decision || ' on gate ' || d.gate_id
      from gate_decisions d
      where not exists (select 1 from audit_log a where a.run_id = d.run_id and a.action in ('gate.decision', 'gate.waived')
        and a.data ->> 'gateId' = d.gate_id::text and a.actor_id = d.decided_by)
      limit ${limit})
    union all
    (select 'approval_not_logged', r.id::text, 'approved at ' || r.approved_at
      from runs r
      where r.status = 'approved' and not exists (select 1 from audit_log a where a.run_id = r.id and a.action = 'run.approved')
      limit ${limit})
    union all
    (select 'final_text_differs', r.id::text, 'final text is not draft ' || r.draft_version
      from runs r join drafts d on d.run_id = r.id and d.version = r.draft_version
      where r.status = 'approved' and r.final_text is distinct from d.text
      limit ${limit})
    union all
    (select 'log_emptied', 'audit_log', 'no audit rows, but ' || (select count(*) from users) || ' user(s) and ' || (select count(*) from runs) || ' run(s)'
      where not exists (select 1 from audit_log) and (exists (select 1 from users) or exists (select 1 from runs)))`
  return z.array(MismatchRow).parse(rows)
}
