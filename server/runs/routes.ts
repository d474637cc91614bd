import { Hono } from 'hono'
import { requireRole, requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { DraftEdit, ExportQuery } from '../../contracts/runs'
import { exportDraft } from '../drafting/kinds'
import { AppError } from '../errors'
import { idParam, jsonBody, parseOr400 } from '../http/validate'
import type { Policy } from '../policy/load'
import { editDraft } from './edit-draft'
import { getDraft, getRun } from './get-run'
import { startRun } from './start-run'

const versionParam = (v: string | undefined) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) throw new AppError('bad_request', 'a draft version is a whole number from 1')
  return n
}

/** POST /api/briefs/:id/runs, mounted beside the brief routes: briefs/ does not depend on runs/. */
export function briefRunRoutes(sql: Sql, policy: Policy, onRunQueued: () => void) {
  return new Hono<AuthEnv>().post('/:id/runs', requireUser(), requireRole('writer'), async (c) => {
    const run = await startRun({ sql, policy, user: c.get('user'), briefId: idParam(c, 'id', 'brief') })
    onRunQueued()
    return c.json(run, 201)
  })
}

export function runRoutes(sql: Sql, policy: Policy, onResumeQueued: () => void) {
  return new Hono<AuthEnv>()
    .use(requireUser())
    .get('/:id', async (c) => c.json(await getRun({ db: sql, policy, user: c.get('user'), id: idParam(c, 'id', 'run') })))
    .get('/:id/drafts/:version', async (c) =>
      c.json(
        await getDraft({
          db: sql,
          policy,
          user: c.get('user'),
          runId: idParam(c, 'id', 'run'),
          version: versionParam(c.req.param('version')),
        }),
      ),
    )
    .get('/:id/drafts/:version/export', async (c) => {
      const draft = await getDraft({
        db: sql,
        policy,
        user: c.get('user'),
        runId: idParam(c, 'id', 'run'),
        version: versionParam(c.req.param('version')),
      })
      const file = await exportDraft(draft, parseOr400(ExportQuery, c.req.query(), 'the query').format)
      if (!file) throw new AppError('bad_request', 'only an SEO content plan exports as CSV/XLSX')
      return c.body(file.body, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.stem}-v${draft.version}.${file.extension}"`,
      })
    })
    .post('/:id/edits', async (c) => {
      const input = await jsonBody(c, DraftEdit)
      const result = await editDraft({ sql, policy }, { user: c.get('user'), runId: idParam(c, 'id', 'run'), input })
      onResumeQueued()
      return c.json(result, 201)
    })
}
