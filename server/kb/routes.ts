import { Hono } from 'hono'
import { z } from 'zod'
import { CreateBrief, Lang } from '../../contracts/briefs'
import {
  MyRatingSummary,
  PromptCompare,
  PromptCompareQuery,
  PromptFamily,
  PromptVersionDetail,
  RatingRequest,
  ResultPage,
  ResultQuery,
  ResultRecord,
  TagList,
  TagRequest,
} from '../../contracts/kb'
import { requireRole, requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { refuse } from '../refusals'
import { op } from '../http/op'
import { idParam, jsonBody, parseOr400 } from '../http/validate'
import type { Policy } from '../policy/load'
import { RATER_ROLES } from './access'
import { getResult } from './get-result'
import { comparePrompts, getPromptVersion, listPrompts } from './prompt-library'
import { rateResult, tagResult, untagResult } from './ratings'
import { reuseBrief } from './reuse'
import { searchResults } from './search-results'
import { ctxOf } from '../verb'

const promptPath = { id: { type: 'string', pattern: '^[a-z][a-z0-9_-]*$' }, lang: { type: 'string', enum: ['ru', 'en'] } }

export const KB_OPS = {
  search: op({
    method: 'get',
    path: '/api/kb/results',
    summary:
      'The results archive: full-text search (Russian and English) and filters; best match first with q, newest first without. Writers see approved results and their own',
    response: ResultPage,
    query: ResultQuery,
  }),
  result: op({
    method: 'get',
    path: '/api/kb/results/{runId}',
    summary: 'One result: the brief (redacted), every draft version, gate decisions with reviewers, outcome, ratings, tags',
    response: ResultRecord,
  }),
  reuse: op({
    method: 'get',
    path: '/api/kb/results/{runId}/reuse',
    summary: 'Start a new brief from this result: a CreateBrief body (redacted texts, deadline in a week) for the new-brief form (writer)',
    response: CreateBrief,
  }),
  rate: op({
    method: 'post',
    path: '/api/kb/results/{runId}/rating',
    summary: 'Rate a result 1-5 with an optional comment (writer, factcheck, legal, editor); rating again replaces your rating',
    body: RatingRequest,
    response: MyRatingSummary,
  }),
  tag: op({
    method: 'post',
    path: '/api/kb/results/{runId}/tags',
    summary: 'Tag a result (normalised to lower case; 201 when new, 200 when it had the tag)',
    body: TagRequest,
    response: TagList,
    status: 201,
  }),
  untag: op({
    method: 'delete',
    path: '/api/kb/results/{runId}/tags/{tag}',
    summary: 'Remove a tag from a result',
    response: TagList,
    pathParams: { tag: { type: 'string', maxLength: 40 } },
  }),
  prompts: op({
    method: 'get',
    path: '/api/kb/prompts',
    summary: 'The prompt library: every prompt and language with every version and its record (runs, approval, rework, edit ratio, cost)',
    response: z.array(PromptFamily),
  }),
  comparePrompts: op({
    method: 'get',
    path: '/api/kb/prompts/{id}/{lang}/compare',
    summary: 'Two versions of a prompt side by side and the line diff from a to b',
    response: PromptCompare,
    query: PromptCompareQuery,
    pathParams: promptPath,
  }),
  promptVersion: op({
    method: 'get',
    path: '/api/kb/prompts/{id}/{lang}/{version}',
    summary: 'One prompt version: its body, record, and line diff from the version before it',
    response: PromptVersionDetail,
    pathParams: { ...promptPath, version: { type: 'string' } },
  }),
}

/** A prompt family in the path: its id and a language we draft in (anything else names nothing). */
const family = (id: string, lang: string) => {
  if (!Lang.safeParse(lang).success) throw refuse('not_found.prompt', { id, lang })
  return { id, lang }
}

/** The knowledge base: the results archive and the prompt library. `policy` is the active one, for redacting what people type. */
export function kbRoutes(sql: Sql, policy: Policy) {
  const runId = (c: Parameters<typeof idParam>[0]) => idParam(c, 'runId', 'result')
  return new Hono<AuthEnv>()
    .use(requireUser())
    .get('/results', async (c) => {
      const query = parseOr400(KB_OPS.search.query, c.req.query(), 'the query')
      return c.json(await searchResults({ ctx: ctxOf(c, sql, policy), input: { query } }))
    })
    .get('/results/:runId', async (c) => c.json(await getResult({ ctx: ctxOf(c, sql, policy), input: { runId: runId(c) } })))
    .get('/results/:runId/reuse', requireRole('writer'), async (c) =>
      c.json(await reuseBrief({ ctx: ctxOf(c, sql, policy), input: { runId: runId(c) } })),
    )
    .post('/results/:runId/rating', requireRole(...RATER_ROLES), async (c) => {
      const rating = await jsonBody(c, KB_OPS.rate.body)
      return c.json(await rateResult({ ctx: ctxOf(c, sql, policy), input: { runId: runId(c), rating } }))
    })
    .post('/results/:runId/tags', requireRole(...RATER_ROLES), async (c) => {
      const { tag } = await jsonBody(c, KB_OPS.tag.body)
      const { created, tags } = await tagResult({ ctx: ctxOf(c, sql, policy), input: { runId: runId(c), tag } })
      return c.json({ tags }, created ? 201 : 200)
    })
    .delete('/results/:runId/tags/:tag', requireRole(...RATER_ROLES), async (c) =>
      c.json(await untagResult({ ctx: ctxOf(c, sql, policy), input: { runId: runId(c), tag: c.req.param('tag') } })),
    )
    .get('/prompts', async (c) => c.json(await listPrompts({ ctx: ctxOf(c, sql, policy) })))
    .get('/prompts/:id/:lang/compare', async (c) => {
      const { a, b } = parseOr400(KB_OPS.comparePrompts.query, c.req.query(), 'the query')
      return c.json(
        await comparePrompts({ ctx: ctxOf(c, sql, policy), input: { family: family(c.req.param('id'), c.req.param('lang')), a, b } }),
      )
    })
    .get('/prompts/:id/:lang/:version', async (c) =>
      c.json(
        await getPromptVersion({
          ctx: ctxOf(c, sql, policy),
          input: { family: family(c.req.param('id'), c.req.param('lang')), version: c.req.param('version') },
        }),
      ),
    )
}
