import { Hono } from 'hono'
import { z } from 'zod'
import { Created } from '../../contracts/briefs'
import { requireRole, requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import {
  ApprovedContent,
  ApprovedExportQuery,
  DecisionRequest,
  Draft,
  DraftEdit,
  ExportQuery,
  GateAssign,
  GateAssignee,
  GateAssignment,
  Run,
} from '../../contracts/runs'
import { exportDraft } from '../drafting/kinds'
import { refuse } from '../refusals'
import { op } from '../http/op'
import { idParam, jsonBody, parseOr400 } from '../http/validate'
import type { Policy } from '../policy/load'
import { assignGate, listAssignees } from './assign-gate'
import { decideGate } from './decide-gate'
import { editDraft } from './edit-draft'
import { exportApproved } from './export-approved'
import { approvedHtml, approvedMarkdown } from './export-formats'
import { getDraft, getRun } from './get-run'
import { startRun } from './start-run'
import { ctxOf } from '../verb'

const versionParam = (v: string | undefined) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) throw refuse('run.draft_version_number')
  return n
}

export const BRIEF_RUN_OPS = {
  start: op({
    method: 'post',
    path: '/api/briefs/{id}/runs',
    summary: "Start a drafting run (the brief's author)",
    response: Created,
    status: 201,
  }),
}

/** POST /api/briefs/:id/runs, mounted beside the brief routes: briefs/ does not depend on runs/. */
export function briefRunRoutes(sql: Sql, policy: Policy, onRunQueued: () => void) {
  return new Hono<AuthEnv>().post('/:id/runs', requireUser(), requireRole('writer'), async (c) => {
    const run = await startRun({ ctx: ctxOf(c, sql, policy), input: { briefId: idParam(c, 'id', 'brief') } })
    onRunQueued()
    return c.json(run, 201)
  })
}

export const GATE_DECISION_OPS = {
  decide: op({
    method: 'post',
    path: '/api/gates/{id}/decision',
    summary: 'Decide an open gate: pass, request changes, reject, or waive (where the policy allows)',
    body: DecisionRequest,
    response: z.object({ runId: z.string() }),
  }),
  claim: op({
    method: 'post',
    path: '/api/gates/{id}/claim',
    summary: 'Take a review nobody has yet (someone holding its role, never the author)',
    response: GateAssignment,
  }),
  assign: op({
    method: 'post',
    path: '/api/gates/{id}/assign',
    summary: 'Hand a review to a colleague holding its role, or to nobody (email null)',
    body: GateAssign,
    response: GateAssignment,
  }),
  assignees: op({
    method: 'get',
    path: '/api/gates/{id}/assignees',
    summary: 'Who a review could be handed to',
    response: z.array(GateAssignee),
  }),
}

/**
 * The gate verbs, mounted at /gates: a decision moves the run on (runs/decide-gate.ts); claims and
 * assignments hand a review around within its role (runs/assign-gate.ts).
 */
export function gateDecisionRoutes(sql: Sql, policy: Policy, onResumeQueued: () => void) {
  return new Hono<AuthEnv>()
    .use(requireUser())
    .post('/:id/decision', async (c) => {
      const decision = await jsonBody(c, GATE_DECISION_OPS.decide.body)
      const result = await decideGate({ ctx: ctxOf(c, sql, policy), input: { ...decision, gateId: idParam(c, 'id', 'gate') } })
      onResumeQueued()
      return c.json(result)
    })
    .post('/:id/claim', async (c) =>
      c.json(await assignGate({ ctx: ctxOf(c, sql, policy), input: { gateId: idParam(c, 'id', 'gate'), email: null, claim: true } })),
    )
    .post('/:id/assign', async (c) => {
      const { email } = await jsonBody(c, GATE_DECISION_OPS.assign.body)
      return c.json(await assignGate({ ctx: ctxOf(c, sql, policy), input: { gateId: idParam(c, 'id', 'gate'), email } }))
    })
    .get('/:id/assignees', async (c) =>
      c.json(await listAssignees({ ctx: ctxOf(c, sql, policy), input: { gateId: idParam(c, 'id', 'gate') } })),
    )
}

export const RUN_OPS = {
  get: op({ method: 'get', path: '/api/runs/{id}', summary: 'A run: status, latest draft, gates', response: Run }),
  draft: op({
    method: 'get',
    path: '/api/runs/{id}/drafts/{version}',
    summary: "One version of the run's draft (to compare versions)",
    response: Draft,
  }),
  export: op({
    method: 'get',
    path: '/api/runs/{id}/drafts/{version}/export',
    summary: 'An SEO content plan as a file: ?format=csv (keyword -> cluster, pillar, intent, frequency, role) or xlsx (that and the plan)',
    query: ExportQuery,
  }),
  exportApproved: op({
    method: 'get',
    path: '/api/runs/{id}/export',
    summary:
      'An approved run: its frozen text with the proof of its approval (engine, model, prompt and policy versions, every gate with who and when). ?format=json (the hand-off payload), md or html; 409 before approval',
    response: ApprovedContent,
    query: ApprovedExportQuery,
  }),
  edit: op({
    method: 'post',
    path: '/api/runs/{id}/edits',
    summary:
      'The author edits the draft under review ({version, text}, or for an SEO content plan {version, content}): a new version, judged by the gates again; stores the edit distance from the AI draft',
    body: DraftEdit,
    response: z.object({ version: z.number().int() }),
    status: 201,
  }),
}

export function runRoutes(sql: Sql, policy: Policy, onResumeQueued: () => void) {
  return new Hono<AuthEnv>()
    .use(requireUser())
    .get('/:id', async (c) => c.json(await getRun({ ctx: ctxOf(c, sql, policy), input: { id: idParam(c, 'id', 'run') } })))
    .get('/:id/drafts/:version', async (c) =>
      c.json(
        await getDraft({
          ctx: ctxOf(c, sql, policy),
          input: { runId: idParam(c, 'id', 'run'), version: versionParam(c.req.param('version')) },
        }),
      ),
    )
    .get('/:id/drafts/:version/export', async (c) => {
      const draft = await getDraft({
        ctx: ctxOf(c, sql, policy),
        input: { runId: idParam(c, 'id', 'run'), version: versionParam(c.req.param('version')) },
      })
      const { format, lang } = parseOr400(RUN_OPS.export.query, c.req.query(), 'the query')
      const file = await exportDraft(draft, format, lang)
      if (!file) throw refuse('export.plan_only')
      return c.body(file.body, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.stem}-v${draft.version}.${file.extension}"`,
      })
    })
    .get('/:id/export', async (c) => {
      const { format } = parseOr400(RUN_OPS.exportApproved.query, c.req.query(), 'the query')
      const content = await exportApproved({ ctx: ctxOf(c, sql, policy), input: { runId: idParam(c, 'id', 'run'), format } })
      if (format === 'json') return c.json(content)
      const file = { md: { type: 'text/markdown', body: approvedMarkdown }, html: { type: 'text/html', body: approvedHtml } }[format]
      return c.body(file.body(content), 200, {
        'content-type': `${file.type}; charset=utf-8`,
        'content-disposition': `attachment; filename="copydesk-${content.runId}.${format}"`,
      })
    })
    .post('/:id/edits', async (c) => {
      const input = await jsonBody(c, RUN_OPS.edit.body)
      const result = await editDraft({ ctx: ctxOf(c, sql, policy), input: { runId: idParam(c, 'id', 'run'), edit: input } })
      onResumeQueued()
      return c.json(result, 201)
    })
}
