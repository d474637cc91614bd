import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { finishJob, type JobRow } from '../jobs/queries'
import type { Log } from '../log'
import { type Attempt, backoff, type Destination, type HandoffConfig, post } from './deliver'

/** What is sent to a destination for an event: by default its stored payload, byte for byte. */
export type BodyOf = (destination: Destination, event: { id: string; type: string; payload: string }) => string
import { Delivery, retryDeliveryLater, selectEventPayload } from './queries'

/**
 * One attempt of a delivery job (a worker claimed it): POST the event to its destination. A 2xx
 * finishes it with a `handoff.delivered` audit row; a failure goes back to the queue with its
 * error after a growing wait, until the attempts run out (then `failed`, kept with its last
 * error for the admins, and a `handoff.failed` audit row). The receiver deduplicates by the
 * event id: a delivery repeated after a lost answer is the same event.
 */
export async function runDelivery(
  sql: Sql,
  config: HandoffConfig | undefined,
  job: JobRow,
  workerId: string,
  log: Log,
  bodyOf: BodyOf = (_, e) => e.payload,
): Promise<void> {
  const d = Delivery.parse(job.payload)
  const destination = config?.destinations.find((x) => x.name === d.destination)
  const event = await selectEventPayload(sql, d.eventId)
  const body = event && destination ? bodyOf(destination, { id: d.eventId, ...event }) : undefined
  let attempt: Attempt
  if (!config || !destination) attempt = { ok: false, error: `destination "${d.destination}" is no longer configured` }
  else if (body === undefined) attempt = { ok: false, error: `event ${d.eventId} is missing` }
  else attempt = await post(destination, d.eventId, body, config)
  const data = { eventId: d.eventId, destination: d.destination, attempts: job.attempts }
  if (attempt.ok) {
    await sql.begin(async (tx) => {
      if (await finishJob(tx, job.id, 'done', undefined, { workerId }))
        await appendAudit(tx, { actorId: null, action: 'handoff.delivered', runId: job.run_id, data: { ...data, status: attempt.status } })
    })
    return
  }
  const retry = config && destination && body && job.attempts < config.maxAttempts ? backoff(config, job.attempts) : null
  log.warn({ jobId: job.id, runId: job.run_id, ...data, error: attempt.error, retryInMs: retry }, 'hand-off delivery failed')
  if (retry !== null) {
    await retryDeliveryLater(sql, job.id, workerId, retry, attempt.error)
    return
  }
  await sql.begin(async (tx) => {
    if (await finishJob(tx, job.id, 'failed', attempt.error, { workerId }))
      await appendAudit(tx, { actorId: null, action: 'handoff.failed', runId: job.run_id, data: { ...data, error: attempt.error } })
  })
}
