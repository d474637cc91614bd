import { z } from 'zod'
import type { Sql } from '../db/connect'

/**
 * The chain proves the log was not edited; it cannot prove the other tables agree with it. These
 * checks hold the gates, their decisions, approvals and the log against each other, so a change
 * made beside the app (by someone holding the owner's keys, who can lift the guards) shows:
 * - a gate decided without its gate_decisions row, or with a different decider or decision;
 * - a gate decision with no audit row (`gate.decision` / `gate.waived` naming the gate);
 * - an approved run with no `run.approved` audit row, or with a final text that is not its draft's;
 * - an empty log in a database that holds users or runs (the log was emptied, not new).
 */
export type Mismatch = { kind: string; id: string; detail: string }

const Row = z.object({ kind: z.string(), id: z.string(), detail: z.string() })
const LIMIT = 20

export async function crossCheckAudit(sql: Sql): Promise<Mismatch[]> {
  const rows = await sql`
    (select 'gate_without_decision' as kind, g.id::text as id, g.gate || ' is ' || g.status || ' by ' || coalesce(g.decided_by::text, 'nobody') as detail
      from gates g
      where g.status in ('passed', 'waived', 'changes_requested', 'rejected') and not exists (select 1 from gate_decisions d
        where d.gate_id = g.id and d.decided_by = g.decided_by and d.decision = gate_decision_of(g.status))
      limit ${LIMIT})
    union all
    (select 'decision_not_logged', d.id::text, d.decision || ' on gate ' || d.gate_id
      from gate_decisions d
      where not exists (select 1 from audit_log a where a.run_id = d.run_id and a.action in ('gate.decision', 'gate.waived')
        and a.data ->> 'gateId' = d.gate_id::text and a.actor_id = d.decided_by)
      limit ${LIMIT})
    union all
    (select 'approval_not_logged', r.id::text, 'approved at ' || r.approved_at
      from runs r
      where r.status = 'approved' and not exists (select 1 from audit_log a where a.run_id = r.id and a.action = 'run.approved')
      limit ${LIMIT})
    union all
    (select 'final_text_differs', r.id::text, 'final text is not draft ' || r.draft_version
      from runs r join drafts d on d.run_id = r.id and d.version = r.draft_version
      where r.status = 'approved' and r.final_text is distinct from d.text
      limit ${LIMIT})
    union all
    (select 'log_emptied', 'audit_log', 'no audit rows, but ' || (select count(*) from users) || ' user(s) and ' || (select count(*) from runs) || ' run(s)'
      where not exists (select 1 from audit_log) and (exists (select 1 from users) or exists (select 1 from runs)))`
  return z.array(Row).parse(rows)
}
