import { Hono } from 'hono'
import { ClaimsVerify, ClaimUpdate, ReviewsQuery } from '../../contracts/runs'
import { requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { idParam, jsonBody, parseOr400 } from '../http/validate'
import type { Policy } from '../policy/load'
import { ctxOf } from '../verb'
import { checkClaim } from './check-claim'
import { listReviews } from './list-reviews'
import { verifyClaims } from './verify-claims'

export function gateRoutes(sql: Sql, policy: Policy) {
  return (
    new Hono<AuthEnv>()
      .use(requireUser())
      // before /claims/:id, which would take "verify" for a claim id
      .post('/claims/verify', async (c) => {
        const input = await jsonBody(c, ClaimsVerify)
        return c.json(await verifyClaims({ ctx: ctxOf(c, sql, policy), input }))
      })
      .post('/claims/:id', async (c) => {
        const update = await jsonBody(c, ClaimUpdate)
        return c.json(await checkClaim({ ctx: ctxOf(c, sql, policy), input: { ...update, claimId: idParam(c, 'id', 'claim') } }))
      })
      .get('/reviews', async (c) =>
        c.json(
          await listReviews({
            ctx: ctxOf(c, sql, policy),
            input: { overdueOnly: parseOr400(ReviewsQuery, c.req.query(), 'the query').overdue === '1' },
          }),
        ),
      )
  )
}
