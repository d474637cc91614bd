import { Hono } from 'hono'
import { z } from 'zod'
import { HandoffDelivery } from '../../contracts/handoff'
import { requireRole, requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { op } from '../http/op'
import type { Policy } from '../policy/load'
import { ctxOf } from '../verb'
import { listDeliveries } from './list-deliveries'

export const HANDOFF_OPS = {
  list: op({
    method: 'get',
    path: '/api/handoffs',
    summary: 'The latest hand-off deliveries of approved texts: destination, state, attempts, last error, next attempt (admin)',
    response: z.array(HandoffDelivery),
  }),
}

export function handoffRoutes(sql: Sql, policy: Policy) {
  return new Hono<AuthEnv>()
    .use(requireUser())
    .get('/', requireRole('admin'), async (c) => c.json(await listDeliveries({ ctx: ctxOf(c, sql, policy) })))
}
