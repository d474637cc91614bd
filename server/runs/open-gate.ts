import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { addBusinessDays, type WorkCalendar } from '../policy/calendar'
import { finishJob } from '../jobs/queries'
import { gateOpened } from '../notify/emit'
import { selectRun, setRunStatus } from './queries'
import { lockJob, lockRun, openPendingGate, selectPendingGateSla } from '../gates/queries'

/**
 * The graph stopped at a gate: put it in the reviewers' queue with its due date (the policy's
 * SLA in business days) and finish the job, in one transaction. Until this commits nobody can
 * decide the gate, so a decision never races the job that is still holding the run.
 */
export async function openGate(
  sql: Sql,
  { runId, gateId, jobId, workerId }: { runId: string; gateId: string; jobId: number; workerId?: string },
  calendar?: WorkCalendar,
): Promise<'opened' | 'lost'> {
  return sql.begin(async (tx) => {
    // First: a worker whose lease was taken over must not hand the run to reviewers (the new
    // owner will). Locked, so the check and the finish below cannot be split by a claim.
    await lockRun(tx, runId) // lock order: the run, then its gates
    if (workerId) {
      const job = await lockJob(tx, jobId)
      if (!job || job.locked_by !== workerId) return 'lost' as const
      if (job.status !== 'running') return 'opened' as const // our earlier attempt committed; its answer was lost
    }
    const sla = await selectPendingGateSla(tx, { runId, gateId })
    const now = new Date()
    // the current policy's calendar: holidays are facts of the year, not a rule the run was planned with
    const dueAt = sla !== undefined ? addBusinessDays(now, sla, calendar) : null
    const opened = await openPendingGate(tx, { runId, gateId, openedAt: now, dueAt })
    await setRunStatus(tx, runId, 'awaiting_review')
    await finishJob(tx, jobId, 'done')
    if (opened) {
      // whoever reviews it learns of it (an e-mail, if the server sends them)
      const run = await selectRun(tx, runId)
      if (run) {
        await gateOpened(tx, {
          gateId,
          runId,
          briefTitle: run.brief_title,
          kind: run.kind,
          gate: opened.gate,
          dueAt: dueAt?.toISOString() ?? null,
        })
      }
    }
    if (opened && dueAt) {
      await appendAudit(tx, {
        actorId: null,
        action: 'gate.opened',
        runId,
        data: { gateId, gate: opened.gate, role: opened.role, dueAt: dueAt.toISOString() },
      })
    }
    return 'opened' as const
  })
}
