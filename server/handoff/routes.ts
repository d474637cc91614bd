import { Hono } from 'hono'
import { z } from 'zod'
import { HandoffDelivery } from '../../contracts/handoff'
import { requireRole, requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { op } from '../http/op'
import type { Policy } from '../policy/load'
import { ctxOf } from '../verb'
import { listDeliveries } from './list-deliveries'
import { retryOutbox } from './retry-outbox'
import { parseOr400 } from '../http/validate'

export const HANDOFF_OPS = {
  list: op({
    method: 'get',
    path: '/api/handoffs',
    summary: 'The latest hand-off deliveries of approved texts: destination, state, attempts, last error, next attempt (admin)',
    response: z.array(HandoffDelivery),
  }),
}

const JobId = z.object({ id: z.coerce.number().int().positive() })

export const OUTBOX_OPS = {
  retry: op({
    method: 'post',
    path: '/api/outbox/:id/retry',
    summary:
      'Send a hand-off, channel delivery or message again now: a queued one waits no longer, a failed one gets one more attempt (admin)',
    params: JobId,
    response: z.object({ id: z.number(), status: z.literal('queued') }),
  }),
}

export function handoffRoutes(sql: Sql, policy: Policy) {
  return new Hono<AuthEnv>()
    .use(requireUser())
    .get('/', requireRole('admin'), async (c) => c.json(await listDeliveries({ ctx: ctxOf(c, sql, policy) })))
}

/** /api/outbox: an admin's "send again now" (the worker is woken to take it at once). */
export function outboxRoutes(sql: Sql, policy: Policy, queued: () => void) {
  return new Hono<AuthEnv>().use(requireUser()).post('/:id/retry', requireRole('admin'), async (c) => {
    const { id } = parseOr400(JobId, { id: c.req.param('id') }, 'the path')
    await retryOutbox({ ctx: ctxOf(c, sql, policy), input: { jobId: id } })
    queued()
    return c.json({ id, status: 'queued' as const })
  })
}
