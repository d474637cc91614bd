import { Hono } from 'hono'
import { ClaimsVerify, ClaimUpdate, DecisionRequest, ReviewsQuery } from '../../contracts/runs'
import { requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { idParam, jsonBody, parseOr400 } from '../http/validate'
import { checkClaim } from './check-claim'
import { decideGate } from './decide-gate'
import { listReviews } from './list-reviews'
import { verifyClaims } from './verify-claims'

export function gateRoutes(sql: Sql, onResumeQueued: () => void) {
  return (
    new Hono<AuthEnv>()
      .use(requireUser())
      .post('/gates/:id/decision', async (c) => {
        const input = await jsonBody(c, DecisionRequest)
        const result = await decideGate({ sql, user: c.get('user'), gateId: idParam(c, 'id', 'gate'), input })
        onResumeQueued()
        return c.json(result)
      })
      // before /claims/:id, which would take "verify" for a claim id
      .post('/claims/verify', async (c) => {
        const input = await jsonBody(c, ClaimsVerify)
        return c.json(await verifyClaims({ sql, user: c.get('user'), input }))
      })
      .post('/claims/:id', async (c) => {
        const input = await jsonBody(c, ClaimUpdate)
        return c.json(await checkClaim({ sql, user: c.get('user'), claimId: idParam(c, 'id', 'claim'), input }))
      })
      .get('/reviews', async (c) =>
        c.json(
          await listReviews({
            db: sql,
            user: c.get('user'),
            overdueOnly: parseOr400(ReviewsQuery, c.req.query(), 'the query').overdue === '1',
          }),
        ),
      )
  )
}
