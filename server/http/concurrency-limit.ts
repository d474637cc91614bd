// At most `max` requests through a route at once in this process; a few more wait their turn,
// and past that the answer is 429. For work whose memory is capped per request but not in
// total (an upload parsed in memory): two at once is a known peak, twenty is not.
import type { MiddlewareHandler } from 'hono'
import { refuse } from '../refusals'

export type ConcurrencyLimitOptions = {
  /** Running at once. */
  max?: number
  /** Waiting for a slot; the one after is refused. Waiters have not read their bodies yet. */
  queue?: number
  /** What the refusal calls the work. */
  what?: 'keyword imports' | 'requests'
}

export function concurrencyLimit({ max = 2, queue = 4, what = 'requests' }: ConcurrencyLimitOptions = {}): MiddlewareHandler {
  let running = 0
  const waiting: (() => void)[] = []
  return async function concurrencyLimit(_c, next) {
    if (running >= max) {
      if (waiting.length >= queue) throw refuse(what === 'keyword imports' ? 'upload.busy' : 'request.too_many', { max, queue })
      // the slot is handed over by the request that finishes, so `running` never dips in between
      await new Promise<void>((resolve) => waiting.push(resolve))
    } else running++
    try {
      await next()
    } finally {
      const nextInLine = waiting.shift()
      if (nextInLine) nextInLine()
      else running--
    }
  }
}
