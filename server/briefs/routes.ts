import { Hono } from 'hono'
import { BriefListQuery, CreateBrief, PiiCheckRequest, RiskCheckRequest } from '../../contracts/briefs'
import { requireRole, requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import type { Policy } from '../policy/load'
import { idParam, jsonBody, parseOr400 } from '../http/validate'
import { createBrief } from './create-brief'
import { getBrief, listBriefs } from './get-brief'
import { checkPii } from './pii-check'
import { checkRisks } from './risk-check'
import { ctxOf } from '../verb'

export function briefRoutes(sql: Sql, policy: Policy) {
  return (
    new Hono<AuthEnv>()
      .use(requireUser())
      .get('/', async (c) =>
        c.json(
          await listBriefs({
            ctx: ctxOf(c, sql, policy),
            input: { all: parseOr400(BriefListQuery, c.req.query(), 'the query').all === '1' },
          }),
        ),
      )
      .post('/', requireRole('writer'), async (c) => {
        const input = await jsonBody(c, CreateBrief)
        return c.json(await createBrief({ ctx: ctxOf(c, sql, policy), input }), 201)
      })
      // Before submitting: what the personal-data guard would replace (or refuse) in the form's fields.
      .post('/pii-check', requireRole('writer'), async (c) => c.json(checkPii(policy, (await jsonBody(c, PiiCheckRequest)).fields)))
      // Before submitting: the brief's own risk marks, its sector reading and the gates its drafts will get.
      .post('/risk-check', requireRole('writer'), async (c) => c.json(await checkRisks(policy, await jsonBody(c, RiskCheckRequest))))
      .get('/:id', async (c) => c.json(await getBrief({ ctx: ctxOf(c, sql, policy), input: { id: idParam(c, 'id', 'brief') } })))
  )
}
