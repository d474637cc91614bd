import type { Sql } from '../db/connect'
import { post } from '../handoff/deliver'
import { retryDeliveryLater } from '../handoff/queries'
import { finishJob, type JobRow } from '../jobs/queries'
import type { Log } from '../log'
import type { ReviewEvent } from './emit'
import type { Mailer, SendResult } from './mailer'
import { Notify, type Recipient, selectDigestEvents, selectRecipient } from './queries'
import { type Message, render, renderDigest } from './templates'

export type NotifyConfig = {
  /** E-mail (COPYDESK_SMTP_URL); undefined: this server sends none. */
  mailer?: Mailer
  /** The bot that writes to people (COPYDESK_TELEGRAM_BOT_TOKEN): its sendMessage URL. */
  telegram?: { sendUrl: string; timeoutMs: number }
  /** The base of links in messages (COPYDESK_PUBLIC_URL). */
  publicUrl: string
  /** The zone of everyone's digest hour (COPYDESK_TIMEZONE). */
  timeZone: string
  /** Attempts of one message before it is failed for good (visible to admins with its error). */
  maxAttempts: number
  /** The first retry waits this long; each next one twice as long, up to an hour. */
  backoffMs: number
}

export const NOTIFY_DEFAULTS = { maxAttempts: 8, backoffMs: 30_000 } as const

/** Sends one message on the job's channel; undefined when this server has no such channel. */
async function send(
  config: NotifyConfig,
  n: Notify,
  to: Recipient,
  message: Message,
  unsubscribeUrl: string,
): Promise<SendResult | undefined> {
  if (n.channel === 'telegram') {
    if (!config.telegram || !to.telegram_chat_id) return undefined
    const body = JSON.stringify({ chat_id: to.telegram_chat_id, text: message.chat, disable_web_page_preview: true })
    const sent = await post({ name: 'telegram_dm', url: config.telegram.sendUrl, format: 'telegram' }, n.eventId, body, config.telegram)
    return sent.ok ? { ok: true } : sent
  }
  if (!config.mailer) return undefined
  const host = URL.canParse(config.publicUrl) ? new URL(config.publicUrl).hostname : 'copydesk'
  const id = n.digest ? `digest.${n.eventId}` : n.eventId
  return config.mailer.send({
    to: to.email,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: `<${id.replace(/[^\w.-]/g, '.')}.${n.userId}@${host}>`,
    unsubscribeUrl,
  })
}

/**
 * One attempt of a notification job (a worker claimed it): the event's message, or the day's
 * digest of held events, in the recipient's language, by e-mail or to their Telegram chat. Sent:
 * done. Refused or unreachable: back in the queue after a growing wait, until the attempts run out
 * (then `failed`, with the error, for the admins). Someone who switched the channel off (or was
 * disabled) since is not written to.
 */
export async function runNotification(sql: Sql, config: NotifyConfig | undefined, job: JobRow, workerId: string, log: Log): Promise<void> {
  const n = Notify.parse(job.payload)
  const to = await selectRecipient(sql, n)
  if (!to?.wants) {
    const why = to ? `not sent: ${n.channel} is off for this person` : 'not sent: no such event or person'
    await finishJob(sql, job.id, 'done', why, { workerId })
    return
  }
  const unsubscribe = `${config?.publicUrl ?? ''}/api/notifications/unsubscribe?token=${to.unsubscribe_token}`
  const runOf = (runId: string) => `${config?.publicUrl ?? ''}/runs/${encodeURIComponent(runId)}`
  const message = n.digest
    ? renderDigest((await selectDigestEvents(sql, job.id)) as ReviewEvent[], to.lang, { runOf, unsubscribe })
    : render(to.payload as ReviewEvent, to.lang, { run: runOf((to.payload as ReviewEvent).runId), unsubscribe })
  const sent = config && (await send(config, n, to, message, unsubscribe))
  if (!sent) {
    // not claimed by a worker without this channel's configuration (runs/worker.ts); kept as a last guard
    await finishJob(sql, job.id, 'failed', `${n.channel} is off on this server`, { workerId })
    return
  }
  if (sent.ok) {
    await finishJob(sql, job.id, 'done', undefined, { workerId })
    return
  }
  log.warn(
    { jobId: job.id, runId: job.run_id, eventId: n.eventId, channel: n.channel, attempts: job.attempts, error: sent.error },
    'notification failed',
  )
  if (job.attempts < config.maxAttempts) {
    await retryDeliveryLater(sql, job.id, workerId, Math.min(3_600_000, config.backoffMs * 2 ** Math.max(0, job.attempts - 1)), sent.error)
    return
  }
  await finishJob(sql, job.id, 'failed', sent.error, { workerId })
}
