// A review someone claimed (or was handed) follows the draft into its next version: whoever had the
// legal review of draft 1 has the legal review of draft 2, instead of it going back to everyone
// holding the role. The database checks each as it checks any assignment (011): a person who lost
// the role, was disabled, or would now break distinct reviewers is not carried, and the gate waits
// for its role as a new one does. Each carried claim is in the audit log.
import type { Tx } from '../db/connect'
import { appendAudit } from '../audit/append'
import { type Carriable, selectCarriableAssignments, setGateAssignee } from './queries'

export async function carryAssignments(tx: Tx, { runId, version }: { runId: string; version: number }): Promise<Carriable[]> {
  const carried: Carriable[] = []
  for (const c of await selectCarriableAssignments(tx, { runId, version })) {
    // a refusal of one carry must not undo the plan: each is tried in its own savepoint
    const ok = await tx
      .savepoint((sp) => setGateAssignee(sp, { gateId: c.gate_id, assigneeId: c.assignee_id, byId: c.assigned_by }))
      .catch(() => false)
    if (!ok) continue
    carried.push(c)
    await appendAudit(tx, {
      actorId: null,
      action: 'gate.assignment_carried',
      runId,
      data: { gateId: c.gate_id, gate: c.gate, draftVersion: version, to: c.email },
    })
  }
  return carried
}
