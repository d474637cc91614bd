import { Hono } from 'hono'
import { z } from 'zod'
import {
  Brief,
  BriefListItem,
  BriefListQuery,
  CreateBrief,
  Created,
  PiiCheckRequest,
  PiiCheckResponse,
  RiskCheckRequest,
  RiskCheckResponse,
} from '../../contracts/briefs'
import { requireRole, requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import type { Policy } from '../policy/load'
import { op } from '../http/op'
import { idParam, jsonBody, parseOr400 } from '../http/validate'
import { createBrief } from './create-brief'
import { getBrief, listBriefs } from './get-brief'
import { checkPii } from './pii-check'
import { checkRisks } from './risk-check'
import { ctxOf } from '../verb'

export const BRIEF_OPS = {
  list: op({
    method: 'get',
    path: '/api/briefs',
    summary: "My briefs (?all=1: the whole team's)",
    response: z.array(BriefListItem),
    query: BriefListQuery,
  }),
  create: op({
    method: 'post',
    path: '/api/briefs',
    summary: 'Create a brief (writer)',
    body: CreateBrief,
    response: Created,
    status: 201,
  }),
  piiCheck: op({
    method: 'post',
    path: '/api/briefs/pii-check',
    summary: 'Before submitting: the personal data the policy would replace (or refuse) in each field, and which findings may be dismissed',
    body: PiiCheckRequest,
    response: PiiCheckResponse,
  }),
  riskCheck: op({
    method: 'post',
    path: '/api/briefs/risk-check',
    summary:
      "Before submitting: the risk marks the policy makes in each field (offsets into it), the brief's categories, sector reading and required wording, and the gates a draft of it will at least go to (writer)",
    body: RiskCheckRequest,
    response: RiskCheckResponse,
  }),
  get: op({ method: 'get', path: '/api/briefs/{id}', summary: 'One brief with its runs', response: Brief }),
}

export function briefRoutes(sql: Sql, policy: Policy) {
  return (
    new Hono<AuthEnv>()
      .use(requireUser())
      .get('/', async (c) =>
        c.json(
          await listBriefs({
            ctx: ctxOf(c, sql, policy),
            input: { all: parseOr400(BRIEF_OPS.list.query, c.req.query(), 'the query').all === '1' },
          }),
        ),
      )
      .post('/', requireRole('writer'), async (c) => {
        const input = await jsonBody(c, BRIEF_OPS.create.body)
        return c.json(await createBrief({ ctx: ctxOf(c, sql, policy), input }), 201)
      })
      // Before submitting: what the personal-data guard would replace (or refuse) in the form's fields.
      .post('/pii-check', requireRole('writer'), async (c) => c.json(checkPii(policy, (await jsonBody(c, BRIEF_OPS.piiCheck.body)).fields)))
      // Before submitting: the brief's own risk marks, its sector reading and the gates its drafts will get.
      .post('/risk-check', requireRole('writer'), async (c) =>
        c.json(await checkRisks(policy, await jsonBody(c, BRIEF_OPS.riskCheck.body))),
      )
      .get('/:id', async (c) => c.json(await getBrief({ ctx: ctxOf(c, sql, policy), input: { id: idParam(c, 'id', 'brief') } })))
  )
}
