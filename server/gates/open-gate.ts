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
export async function openGate(
  sql: Sql,
  { runId, gateId, jobId, workerId }: { runId: string; gateId: string; jobId: number; workerId?: string },
): Promise<'opened' | 'lost'> {
  return sql.begin(async (tx) => {
    // First: a worker whose lease was taken over must not hand the run to reviewers (the new
    // owner will). Locked, so the check and the finish below cannot be split by a claim.
    await tx`select id from runs where id = ${runId} for update` // lock order: the run, then its gates
    if (workerId) {
      const [job] = await tx`select status, locked_by from jobs where id = ${jobId} for update`
      if (!job || job.locked_by !== workerId) return 'lost' as const
      if (job.status !== 'running') return 'opened' as const // our earlier attempt committed; its answer was lost
    }
    const [gate] = await tx`select sla_business_days from gates where id = ${gateId} and run_id = ${runId} and status = 'pending'`
    const now = new Date()
    const dueAt = gate ? addBusinessDays(now, Number(gate.sla_business_days)) : null
    const opened = await tx`update gates set status = 'open', opened_at = ${now}, due_at = ${dueAt}
      where id = ${gateId} and run_id = ${runId} and status = 'pending' returning gate, role`
    await setRunStatus(tx, runId, 'awaiting_review')
    await finishJob(tx, jobId, 'done')
    if (opened[0] && dueAt) {
      await appendAudit(tx, {
        actorId: null,
        action: 'gate.opened',
        runId,
        data: { gateId, gate: opened[0].gate, role: opened[0].role, dueAt: dueAt.toISOString() },
      })
    }
    return 'opened' as const
  })
}
