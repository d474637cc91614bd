import { z } from 'zod'
import type { ApprovedContent } from '../../contracts/runs'
import { jsonValue } from '../db/columns'
import { JobProgress } from '../jobs/queries'
import type { ReviewEventType } from '../../contracts/events'
import type { Queryable } from '../db/connect'

/** What the outbox holds: approved content to hand off, and the events of the review people are told of. */
export type OutboxEvent =
  | { id: string; type: 'content.approved'; runId: string; payload: ApprovedContent }
  | {
      id: string
      type: ReviewEventType
      runId: string
      payload: object
    }

/** The outbox: an event, in the transaction of the change that causes it (the database checks it); false when it was there already. */
export async function insertEvent(db: Queryable, e: OutboxEvent): Promise<boolean> {
  const rows =
    await db`insert into events (id, type, run_id, payload) values (${e.id}, ${e.type}, ${e.runId}, ${db.json(jsonValue(e.payload))})
    on conflict (id) do nothing returning id`
  return rows.length > 0
}

/** One delivery of an event to a named destination, as a job of the run's queue. */
export async function enqueueDelivery(db: Queryable, d: { runId: string; eventId: string; destination: string }) {
  await db`insert into jobs (run_id, type, payload) values (${d.runId}, 'deliver', ${db.json({ eventId: d.eventId, destination: d.destination })})`
}

export const Delivery = z.object({ eventId: z.string(), destination: z.string() })

/** An event: its type, and its payload exactly as stored (text, so the bytes signed are the bytes sent). */
export async function selectEventPayload(db: Queryable, id: string): Promise<{ type: string; payload: string } | undefined> {
  const rows = await db`select type, payload::text as payload from events where id = ${id}`
  return rows[0] ? z.object({ type: z.string(), payload: z.string() }).parse(rows[0]) : undefined
}

/** Puts a delivery back in the queue for `afterMs`, with what went wrong; only while `workerId` holds it. */
export async function retryDeliveryLater(db: Queryable, jobId: number, workerId: string, afterMs: number, error: string) {
  const rows = await db`update jobs set status = 'queued', locked_by = null, locked_until = null, last_error = ${error},
      not_before = now() + ${afterMs} * interval '1 millisecond', updated_at = now()
    where id = ${jobId} and locked_by = ${workerId} and status = 'running' returning id`
  return rows.length > 0
}

const DeliveryRow = JobProgress.extend({ payload: Delivery })
export type DeliveryRow = z.infer<typeof DeliveryRow>

/** The deliveries, newest first: what an admin checks when a destination did not get something. */
export async function selectDeliveries(db: Queryable, limit: number): Promise<DeliveryRow[]> {
  return z.array(DeliveryRow).parse(
    await db`select id, run_id, payload, status, attempts, last_error, not_before, created_at, updated_at
        from jobs where type = 'deliver' order by id desc limit ${limit}`,
  )
}

/**
 * An admin's "send again now" of an outbox job (a hand-off, a channel delivery, a message): a
 * queued one waits no longer, a failed one gets one more attempt. Undefined when there is no such
 * outbox job; false when it is running or done (nothing to retry).
 */
export async function retryOutboxNow(
  db: Queryable,
  jobId: number,
): Promise<{ runId: string; type: string; was: string } | false | undefined> {
  const [row] = await db`select run_id, type, status from jobs where id = ${jobId} and type in ('deliver', 'notify') for update`
  if (!row) return undefined
  const job = z.object({ run_id: z.string(), type: z.string(), status: z.string() }).parse(row)
  if (job.status !== 'queued' && job.status !== 'failed') return false
  await db`update jobs set status = 'queued', not_before = now(), locked_by = null, locked_until = null, updated_at = now() where id = ${jobId}`
  return { runId: job.run_id, type: job.type, was: job.status }
}
