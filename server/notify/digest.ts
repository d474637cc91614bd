// The daily digest: events a person chose to read once a day are held (queries.ts fans them out to
// `digest_items`); the worker's sweep makes, at each person's hour in the server's zone, one
// message of everything held for them on each channel. Once per person, channel and day, however
// many workers sweep at once (`digest_sends`); what arrives after today's digest waits for tomorrow's.
import type { Sql } from '../db/connect'
import { queueDigest, selectDigestsDue } from './queries'

/** The day (YYYY-MM-DD) and hour (0-23) it is at `now` in `timeZone`. */
export function localClock(now: Date, timeZone: string): { day: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  )
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) }
}

/** Queues the digests that are due at `now`; how many. */
export async function queueDueDigests(sql: Sql, timeZone: string, now = new Date()): Promise<number> {
  const at = localClock(now, timeZone)
  let n = 0
  for (const due of await selectDigestsDue(sql, at)) {
    if (await sql.begin((tx) => queueDigest(tx, { userId: due.user_id, channel: due.channel, day: at.day }))) n++
  }
  return n
}
