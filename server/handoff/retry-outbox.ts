import { appendAudit } from '../audit/append'
import { refuse } from '../refusals'
import type { VerbArgs } from '../verb'
import { retryOutboxNow } from './queries'

/**
 * An admin sends an outbox job again now, once the receiver or the mail server is back, instead of
 * waiting out its backoff (up to an hour); a failed one gets one more attempt. On the audit record.
 */
export async function retryOutbox({ ctx: { db, user }, input: { jobId } }: VerbArgs<{ jobId: number }>): Promise<void> {
  if (!user.roles.includes('admin')) throw refuse('outbox.admins_only')
  await db.begin(async (tx) => {
    const done = await retryOutboxNow(tx, jobId)
    if (done === undefined) throw refuse('not_found.delivery')
    if (done === false) throw refuse('outbox.nothing_to_retry')
    await appendAudit(tx, {
      actorId: user.id,
      action: 'outbox.retried',
      runId: done.runId,
      data: { jobId, type: done.type, was: done.was },
    })
  })
}
