import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { addBusinessDays } from '../policy/business-days'
import { finishJob } from '../runs/jobs'
import { setRunStatus } from '../runs/queries'

/**
 * The graph stopped at a gate: put it in the reviewers' queue with its due date (the policy's
 * SLA in business days) and finish the job, in one transaction. Until this commits nobody can
 * decide the gate, so a decision never races the job that is still holding the run.
 */
export async function openGate(sql: Sql, { runId, gateId, jobId }: { runId: string; gateId: string; jobId: number }) {
  await sql.begin(async (tx) => {
    const [gate] = await tx`select sla_business_days from gates where id = ${gateId} and run_id = ${runId} and status = 'pending'`
    const now = new Date()
    const dueAt = gate ? addBusinessDays(now, Number(gate.sla_business_days)) : null
    const opened = await tx`update gates set status = 'open', opened_at = ${now}, due_at = ${dueAt}
      where id = ${gateId} and run_id = ${runId} and status = 'pending' returning gate, role`
    await setRunStatus(tx, runId, 'awaiting_review')
    await finishJob(tx, jobId, 'done')
    if (opened[0] && dueAt) {
      await appendAudit(tx, {
        actorId: null, action: 'gate.opened', runId,
        data: { gateId, gate: opened[0].gate, role: opened[0].role, dueAt: dueAt.toISOString() },
      })
    }
  })
}
