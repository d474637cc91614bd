import { Hono } from 'hono'
import { z } from 'zod'
import { ClaimsVerify, ClaimUpdate, ReviewItem, ReviewsQuery } from '../../contracts/runs'
import { requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { op } from '../http/op'
import { idParam, jsonBody, parseOr400 } from '../http/validate'
import type { Policy } from '../policy/load'
import { ctxOf } from '../verb'
import { checkClaim } from './check-claim'
import { listReviews } from './list-reviews'
import { verifyClaims } from './verify-claims'

export const GATE_OPS = {
  verifyClaims: op({
    method: 'post',
    path: '/api/claims/verify',
    summary: 'Verify several claims of one draft with one source, all or none (the fact-check owner)',
    body: ClaimsVerify,
    response: z.object({ runId: z.string(), verified: z.number().int() }),
  }),
  checkClaim: op({
    method: 'post',
    path: '/api/claims/{id}',
    summary: 'Mark a claim verified (with its source) or rejected (the fact-check owner)',
    body: ClaimUpdate,
    response: z.object({ runId: z.string() }),
  }),
  reviews: op({
    method: 'get',
    path: '/api/reviews',
    summary: 'My open gates, soonest due first; ?overdue=1, ?assigned=me|none, ?kind=',
    response: z.array(ReviewItem),
    query: ReviewsQuery,
  }),
}

const queueFilter = (q: ReviewsQuery) => ({
  overdueOnly: q.overdue === '1',
  ...(q.assigned ? { assigned: q.assigned } : {}),
  ...(q.kind ? { kind: q.kind } : {}),
})

export function gateRoutes(sql: Sql, policy: Policy) {
  return (
    new Hono<AuthEnv>()
      .use(requireUser())
      // before /claims/:id, which would take "verify" for a claim id
      .post('/claims/verify', async (c) => {
        const input = await jsonBody(c, GATE_OPS.verifyClaims.body)
        return c.json(await verifyClaims({ ctx: ctxOf(c, sql, policy), input }))
      })
      .post('/claims/:id', async (c) => {
        const update = await jsonBody(c, GATE_OPS.checkClaim.body)
        return c.json(await checkClaim({ ctx: ctxOf(c, sql, policy), input: { ...update, claimId: idParam(c, 'id', 'claim') } }))
      })
      .get('/reviews', async (c) =>
        c.json(
          await listReviews({
            ctx: ctxOf(c, sql, policy),
            input: queueFilter(parseOr400(GATE_OPS.reviews.query, c.req.query(), 'the query')),
          }),
        ),
      )
  )
}
