import { Hono } from 'hono'
import { Lang } from '../../contracts/briefs'
import { PromptCompareQuery, RatingRequest, ResultQuery, TagRequest } from '../../contracts/kb'
import { requireRole, requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { notFound } from '../errors'
import { idParam, jsonBody, parseOr400 } from '../http/validate'
import type { Policy } from '../policy/load'
import { RATER_ROLES } from './access'
import { getResult } from './get-result'
import { comparePrompts, getPromptVersion, listPrompts } from './prompt-library'
import { rateResult, tagResult, untagResult } from './ratings'
import { reuseBrief } from './reuse'
import { searchResults } from './search-results'
import { ctxOf } from '../verb'

/** A prompt family in the path: its id and a language we draft in (anything else names nothing). */
const family = (id: string, lang: string) => {
  if (!Lang.safeParse(lang).success) throw notFound(`prompt ${id} (${lang})`)
  return { id, lang }
}

/** The knowledge base: the results archive and the prompt library. `policy` is the active one, for redacting what people type. */
export function kbRoutes(sql: Sql, policy: Policy) {
  const runId = (c: Parameters<typeof idParam>[0]) => idParam(c, 'runId', 'result')
  return new Hono<AuthEnv>()
    .use(requireUser())
    .get('/results', async (c) => {
      const query = parseOr400(ResultQuery, c.req.query(), 'the query')
      return c.json(await searchResults({ ctx: ctxOf(c, sql, policy), input: { query } }))
    })
    .get('/results/:runId', async (c) => c.json(await getResult({ ctx: ctxOf(c, sql, policy), input: { runId: runId(c) } })))
    .get('/results/:runId/reuse', requireRole('writer'), async (c) =>
      c.json(await reuseBrief({ ctx: ctxOf(c, sql, policy), input: { runId: runId(c) } })),
    )
    .post('/results/:runId/rating', requireRole(...RATER_ROLES), async (c) => {
      const rating = await jsonBody(c, RatingRequest)
      return c.json(await rateResult({ ctx: ctxOf(c, sql, policy), input: { runId: runId(c), rating } }))
    })
    .post('/results/:runId/tags', requireRole(...RATER_ROLES), async (c) => {
      const { tag } = await jsonBody(c, TagRequest)
      const { created, tags } = await tagResult({ ctx: ctxOf(c, sql, policy), input: { runId: runId(c), tag } })
      return c.json({ tags }, created ? 201 : 200)
    })
    .delete('/results/:runId/tags/:tag', requireRole(...RATER_ROLES), async (c) =>
      c.json(await untagResult({ ctx: ctxOf(c, sql, policy), input: { runId: runId(c), tag: c.req.param('tag') } })),
    )
    .get('/prompts', async (c) => c.json(await listPrompts({ ctx: ctxOf(c, sql, policy) })))
    .get('/prompts/:id/:lang/compare', async (c) => {
      const { a, b } = parseOr400(PromptCompareQuery, c.req.query(), 'the query')
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
