import type { Run } from '../../contracts/runs'
import type { Queryable } from '../db/connect'
import { notFound } from '../errors'
import { selectClaims, selectDrafts, selectGates, selectRun, type ClaimRow, type DraftRow, type GateRow } from './queries'

export async function getRun({ db, id }: { db: Queryable; id: string }): Promise<Run> {
  const run = await selectRun(db, id)
  if (!run) throw notFound('run')
  const [drafts, gates, claims] = await Promise.all([selectDrafts(db, id), selectGates(db, id), selectClaims(db, id)])
  const latest = drafts.at(-1)
  return {
    id: run.id,
    briefId: run.brief_id,
    briefTitle: run.brief_title,
    kind: run.kind,
    authorEmail: run.author_email,
    status: run.status,
    error: run.error,
    draft: latest ? toDraft(latest, run.kind) : null,
    drafts: drafts.map((d) => ({ version: d.version, createdAt: d.created_at, feedback: d.feedback, engine: d.engine })),
    gates: gates.map(toGate),
    claims: claims.map(toClaim),
    policyVersion: run.policy_version,
    createdAt: run.created_at,
    updatedAt: run.updated_at,
  }
}

export const toDraft = (d: DraftRow, kind: Run['kind']): NonNullable<Run['draft']> => ({
  version: d.version, kind, lang: d.lang, content: d.content, text: d.text, engine: d.engine, model: d.model,
  promptId: d.prompt_id, promptVersion: d.prompt_version, feedback: d.feedback, createdAt: d.created_at,
  categories: d.categories, risks: d.risks, missing: d.missing, piiFindings: d.pii_findings,
  edit: d.edited_from === null
    ? null
    : { editedFrom: d.edited_from, aiVersion: d.ai_version!, editedBy: d.edited_by_email!, distance: d.edit_distance!, ratio: d.edit_ratio! },
  engineNote: d.engine_note,
})

/** One version of a run's draft, e.g. to compare two versions. */
export async function getDraft({ db, runId, version }: { db: Queryable; runId: string; version: number }) {
  const run = await selectRun(db, runId)
  if (!run) throw notFound('run')
  const draft = (await selectDrafts(db, runId)).find((d) => d.version === version)
  if (!draft) throw notFound(`draft ${version}`)
  return toDraft(draft, run.kind)
}

const toClaim = (c: ClaimRow): Run['claims'][number] => ({
  id: c.id, draftVersion: c.draft_version, text: c.text, kind: c.kind, start: c.start_offset, end: c.end_offset,
  status: c.status, source: c.source, checkedBy: c.checked_by_email, checkedAt: c.checked_at,
})

export const toGate = (g: GateRow): Run['gates'][number] => ({
  id: g.id, gate: g.gate, role: g.role, status: g.status, assignee: g.assignee_email, dueAt: g.due_at,
  draftVersion: g.draft_version, position: g.position, slaBusinessDays: g.sla_business_days, waivableBy: g.waivable_by,
  escalateTo: g.escalate_to, decidedBy: g.decided_by_email, decidedAt: g.decided_at, comment: g.comment,
})
