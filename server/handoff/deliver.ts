// The governed hand-off: an approved text goes to the destinations an admin configured, signed so
// the receiver can tell it came from here and was not replayed (Stripe's and GitHub's scheme):
//   Copydesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>
// During a secret rotation each configured secret adds its own v1, so receivers holding either accept.
import { createHmac } from 'node:crypto'

/**
 * Where the outbox sends. `receives`: the approved content (a CMS: the hand-off, the default), or
 * the review's events (a team's chat, a script). `format`: a signed JSON POST (the default), a
 * Slack or Mattermost incoming webhook's `{"text"}`, or Telegram's sendMessage to `chatId`.
 */
export type Destination = {
  name: string
  url: string
  secrets?: readonly string[]
  receives?: 'content' | 'events'
  format?: 'signed' | 'chat' | 'telegram'
  chatId?: string
  /** Approved texts of these kinds and channels only (all when absent or empty; policy-destinations.ts). */
  kinds?: readonly string[]
  channels?: readonly string[]
}
export type HandoffConfig = {
  destinations: readonly Destination[]
  /** Attempts of one delivery before it is failed for good (visible to admins with its error). */
  maxAttempts: number
  /** The first retry waits this long; each next one twice as long, up to an hour. */
  backoffMs: number
  /** How long a destination has to answer one attempt. */
  timeoutMs: number
  /** The base of links in chat messages (COPYDESK_PUBLIC_URL). */
  publicUrl?: string
  /** The language of chat messages (COPYDESK_CHAT_LANG). */
  chatLang?: 'ru' | 'en'
}

export const HANDOFF_DEFAULTS = { maxAttempts: 10, backoffMs: 30_000, timeoutMs: 10_000 } as const

export function signature(secrets: readonly string[], body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000)
  return [`t=${t}`, ...secrets.map((s) => `v1=${createHmac('sha256', s).update(`${t}.${body}`).digest('hex')}`)].join(',')
}

/** How long delivery attempt `attempts` waits before the next one. */
export const backoff = (config: HandoffConfig, attempts: number) => Math.min(3_600_000, config.backoffMs * 2 ** Math.max(0, attempts - 1))

export type Attempt = { ok: true; status: number } | { ok: false; error: string }

/** One POST of an event to a destination: a 2xx ends it; anything else (or no answer) is an error to retry. */
export async function post(
  destination: Destination,
  eventId: string,
  body: string,
  config: Pick<HandoffConfig, 'timeoutMs'>,
  now = new Date(),
): Promise<Attempt> {
  // chat webhooks take their own JSON; only a signed destination gets the id and signature headers
  const signed = (destination.format ?? 'signed') === 'signed'
  try {
    const res = await fetch(destination.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signed ? { 'copydesk-event-id': eventId, 'copydesk-signature': signature(destination.secrets ?? [], body, now) } : {}),
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(config.timeoutMs),
    })
    await res.body?.cancel()
    return res.ok ? { ok: true, status: res.status } : { ok: false, error: `HTTP ${res.status}` }
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : ''
    return { ok: false, error: `${err instanceof Error ? err.message : String(err)}${cause}` }
  }
}
