import { z } from 'zod'
import { BriefKind, Lang } from '../../contracts/briefs'
import { KindContent } from '../../contracts/drafts'
import { MissingWording, RiskHit, RunStatus } from '../../contracts/runs'
import { RiskCategory } from '../../contracts/risks'
import { iso } from '../db/columns'
import type { Queryable } from '../db/connect'

export const RunRow = z.object({
  id: z.string(),
  brief_id: z.string(),
  author_id: z.string(),
  author_email: z.string(),
  brief_title: z.string(),
  kind: BriefKind,
  status: RunStatus,
  error: z.string().nullable(),
  draft_version: z.number(),
  policy_version: z.string().nullable(),
  distinct_reviewers: z.boolean(),
  created_at: iso,
  updated_at: iso,
})
export type RunRow = z.infer<typeof RunRow>

export async function selectRun(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<RunRow | undefined> {
  const rows = await db`select r.id, r.brief_id, r.author_id, u.email as author_email, b.title as brief_title, b.kind,
      r.status, r.error, r.draft_version, r.policy_version, r.distinct_reviewers, r.created_at, r.updated_at
    from runs r join briefs b on b.id = r.brief_id join users u on u.id = r.author_id
    where r.id = ${id} ${opts.forUpdate ? db`for update of r` : db``}`
  return rows[0] ? RunRow.parse(rows[0]) : undefined
}

export const DraftRow = z.object({
  version: z.number(),
  lang: Lang,
  /** The run's kind with the draft's content, parsed once here by that kind. */
  body: KindContent,
  text: z.string(),
  engine: z.enum(['offline', 'openai', 'human']),
  model: z.string(),
  prompt_id: z.string(),
  prompt_version: z.string(),
  feedback: z.string().nullable(),
  categories: z.array(RiskCategory),
  risks: z.array(RiskHit),
  missing: z.array(MissingWording),
  pii_findings: z.number(),
  created_at: iso,
  edited_from: z.number().nullable(),
  ai_version: z.number().nullable(),
  edited_by_email: z.string().nullable(),
  edit_distance: z.number().nullable(),
  edit_ratio: z.number().nullable(),
  engine_note: z.string().nullable(),
})
export type DraftRow = z.infer<typeof DraftRow>

/** The versions of a run's draft without their content (an SEO plan's content is megabytes a version). */
export const DraftVersionRow = DraftRow.pick({ version: true, created_at: true, feedback: true, engine: true })
export type DraftVersionRow = z.infer<typeof DraftVersionRow>
export async function selectDraftVersions(db: Queryable, runId: string): Promise<DraftVersionRow[]> {
  return z
    .array(DraftVersionRow)
    .parse(await db`select version, created_at, feedback, engine from drafts where run_id = ${runId} order by version`)
}

/** One version of a run's draft, whole; undefined when there is none. */
export async function selectDraft(db: Queryable, runId: string, version: number): Promise<DraftRow | undefined> {
  return (await selectDrafts(db, runId, version))[0]
}

/** Every version of a run's draft; `version` narrows it to one (an SEO plan's content is megabytes a version). */
export async function selectDrafts(db: Queryable, runId: string, version?: number): Promise<DraftRow[]> {
  return z.array(DraftRow).parse(
    await db`select d.version, d.lang, jsonb_build_object('kind', b.kind, 'content', d.content) as body, d.text, d.engine, d.model,
      d.prompt_id, d.prompt_version, d.feedback, d.categories, d.risks, d.missing, d.pii_findings, d.created_at, d.edited_from,
      d.ai_version, u.email as edited_by_email, d.edit_distance, d.edit_ratio, d.engine_note
      from drafts d join runs r on r.id = d.run_id join briefs b on b.id = r.brief_id left join users u on u.id = d.edited_by
      where d.run_id = ${runId} ${version === undefined ? db`` : db`and d.version = ${version}`} order by d.version`,
  )
}

/** Moves a run that is not finished to a working status; a finished run never moves. */
export async function setRunStatus(db: Queryable, runId: string, status: 'running' | 'awaiting_review' | 'queued' | 'changes_requested') {
  await db`update runs set status = ${status} where id = ${runId} and status not in ('approved', 'rejected', 'failed')`
}
