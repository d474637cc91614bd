import type { Sql } from '../db/connect'
import { retryDeliveryLater } from '../handoff/queries'
import { finishJob, type JobRow } from '../jobs/queries'
import type { Log } from '../log'
import type { ReviewEvent } from './emit'
import type { Mailer } from './mailer'
import { Notify, selectRecipient } from './queries'
import { render } from './templates'

export type NotifyConfig = {
  mailer: Mailer
  /** The base of links in messages (COPYDESK_PUBLIC_URL). */
  publicUrl: string
  /** Attempts of one message before it is failed for good (visible to admins with its error). */
  maxAttempts: number
  /** The first retry waits this long; each next one twice as long, up to an hour. */
  backoffMs: number
}

export const NOTIFY_DEFAULTS = { maxAttempts: 8, backoffMs: 30_000 } as const

/**
 * One attempt of a notification job (a worker claimed it): the event's message in the recipient's
 * language, to their address, through SMTP. Sent: done. Refused or unreachable: back in the queue
 * after a growing wait, until the attempts run out (then `failed`, with the error, for the admins).
 * Someone who switched e-mail off (or was disabled) since the event is not written to.
 */
export async function runNotification(sql: Sql, config: NotifyConfig | undefined, job: JobRow, workerId: string, log: Log): Promise<void> {
  const n = Notify.parse(job.payload)
  const to = await selectRecipient(sql, n)
  if (!to?.wants) {
    await finishJob(sql, job.id, 'done', to ? 'not sent: e-mail is off for this person' : 'not sent: no such event or person', { workerId })
    return
  }
  if (!config) {
    // not claimed by a worker without SMTP (runs/worker.ts); kept as a last guard
    await finishJob(sql, job.id, 'failed', 'e-mail is off on this server (COPYDESK_SMTP_URL is not set)', { workerId })
    return
  }
  const event = to.payload as ReviewEvent
  const links = {
    run: `${config.publicUrl}/runs/${encodeURIComponent(event.runId)}`,
    unsubscribe: `${config.publicUrl}/api/notifications/unsubscribe?token=${to.unsubscribe_token}`,
  }
  const message = render(event, to.lang, links)
  const host = URL.canParse(config.publicUrl) ? new URL(config.publicUrl).hostname : 'copydesk'
  const sent = await config.mailer.send({
    to: to.email,
    ...message,
    messageId: `<${n.eventId.replace(/[^\w.-]/g, '.')}.${n.userId}@${host}>`,
    unsubscribeUrl: links.unsubscribe,
  })
  if (sent.ok) {
    await finishJob(sql, job.id, 'done', undefined, { workerId })
    return
  }
  log.warn({ jobId: job.id, runId: job.run_id, eventId: n.eventId, attempts: job.attempts, error: sent.error }, 'notification failed')
  if (job.attempts < config.maxAttempts) {
    await retryDeliveryLater(sql, job.id, workerId, Math.min(3_600_000, config.backoffMs * 2 ** Math.max(0, job.attempts - 1)), sent.error)
    return
  }
  await finishJob(sql, job.id, 'failed', sent.error, { workerId })
}
