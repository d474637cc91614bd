import { z } from 'zod'
import { BriefKind, Lang } from '../../contracts/briefs'
import { KindContent } from '../../contracts/drafts'
import { MissingWording, RiskHit, RunStatus } from '../../contracts/runs'
import { RiskCategory } from '../../contracts/risks'
import { iso, jsonValue } from '../db/columns'
import type { Queryable } from '../db/connect'

export const RunRow = z.object({
  id: z.string(),
  brief_id: z.string(),
  author_id: z.string(),
  author_email: z.string(),
  brief_title: z.string(),
  kind: BriefKind,
  /** The brief's channel (a paid-ad channel's release names the ad's erid). */
  channel: z.string(),
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
  const rows = await db`select r.id, r.brief_id, r.author_id, u.email as author_email, b.title as brief_title, b.kind, b.channel,
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

/** A new run of a brief, planned with `policyVersion` for good; its id. */
export async function insertRun(
  db: Queryable,
  r: { briefId: string; authorId: string; policyVersion: string; distinctReviewers: boolean },
): Promise<string> {
  const rows = await db`insert into runs (brief_id, author_id, policy_version, distinct_reviewers)
    values (${r.briefId}, ${r.authorId}, ${r.policyVersion}, ${r.distinctReviewers}) returning id`
  return z.object({ id: z.string() }).parse(rows[0]).id
}

/** The run's current draft version. */
export async function setDraftVersion(db: Queryable, runId: string, version: number) {
  await db`update runs set draft_version = ${version} where id = ${runId}`
}

/** Approves a run, freezing the text of its approved draft version as the final text. */
export async function markApproved(db: Queryable, runId: string, version: number) {
  await db`update runs set status = 'approved', approved_at = now(),
    final_text = (select text from drafts where run_id = ${runId} and version = ${version}) where id = ${runId}`
}

/** Fails a run that is not finished, with the reason; whether it changed. */
export async function markFailed(db: Queryable, runId: string, reason: string): Promise<boolean> {
  const changed = await db`update runs set status = 'failed', error = ${reason}
    where id = ${runId} and status not in ('approved', 'rejected', 'failed') returning id`
  return changed.length > 0
}

/** A run's status, or undefined when there is no such run. */
export async function selectRunStatus(db: Queryable, runId: string): Promise<RunStatus | undefined> {
  const rows = await db`select status from runs where id = ${runId}`
  return rows[0] ? RunStatus.parse(rows[0].status) : undefined
}

type DraftFields = {
  runId: string
  version: number
  lang: string
  text: string
  model: string
  promptId: string
  promptVersion: string
  categories: string[]
  risks: unknown
  missing: unknown
  piiFindings: number
}

/**
 * An AI draft version (a re-run node rewrites the same version). The content goes as one JSON
 * text the database casts (typed text: postgres.js would encode a string sent as jsonb once
 * more): a 100k-keyword plan is 20 MB, and each extra stringify/parse of it on this thread
 * stalls the API for a few hundred ms.
 */
export async function upsertDraft(
  db: Queryable,
  d: DraftFields & { contentJson: string; engine: string; feedback: string | null; engineNote: string | null },
) {
  await db`insert into drafts (run_id, version, lang, content, text, engine, model, prompt_id, prompt_version, feedback,
      categories, risks, missing, pii_findings, engine_note)
    values (${d.runId}, ${d.version}, ${d.lang}, ${d.contentJson}::text::jsonb, ${d.text}, ${d.engine},
      ${d.model}, ${d.promptId}, ${d.promptVersion}, ${d.feedback}, ${d.categories}, ${db.json(jsonValue(d.risks))},
      ${db.json(jsonValue(d.missing))}, ${d.piiFindings}, ${d.engineNote})
    on conflict (run_id, version) do update set content = excluded.content, text = excluded.text,
      engine = excluded.engine, model = excluded.model, prompt_version = excluded.prompt_version,
      categories = excluded.categories, risks = excluded.risks, missing = excluded.missing, pii_findings = excluded.pii_findings,
      engine_note = excluded.engine_note`
}

/** A writer's edit as a new draft version (engine "human"), with its distance from the AI's version. */
export async function insertEditedDraft(
  db: Queryable,
  d: DraftFields & { content: unknown; editedFrom: number; aiVersion: number; editedBy: string; distance: number; ratio: number },
) {
  await db`insert into drafts (run_id, version, lang, content, text, engine, model, prompt_id, prompt_version, feedback,
      categories, risks, missing, pii_findings, edited_from, ai_version, edited_by, edit_distance, edit_ratio)
    values (${d.runId}, ${d.version}, ${d.lang}, ${db.json(jsonValue(d.content))}, ${d.text}, 'human',
      ${d.model}, ${d.promptId}, ${d.promptVersion}, null, ${d.categories},
      ${db.json(jsonValue(d.risks))}, ${db.json(jsonValue(d.missing))}, ${d.piiFindings},
      ${d.editedFrom}, ${d.aiVersion}, ${d.editedBy}, ${d.distance}, ${d.ratio})`
}

/** The gates of a draft version that an edit replaces: whoever passed them judged other words. */
export async function supersedeGates(db: Queryable, runId: string, version: number) {
  await db`update gates set status = 'superseded' where run_id = ${runId} and draft_version = ${version}
    and status in ('open', 'pending', 'passed', 'waived')`
}

/** A run author's id, e-mail and team, for their budgets. */
export async function selectAuthor(db: Queryable, id: string) {
  const rows = await db`select id, email, team from users where id = ${id}`
  return rows[0] ? z.object({ id: z.string(), email: z.string(), team: z.string().nullable() }).parse(rows[0]) : undefined
}

/** An approved run's frozen text, when and for which channel; undefined unless approved. */
export async function selectApprovedText(db: Queryable, runId: string) {
  const rows = await db`select r.final_text, r.approved_at, r.erid, b.channel from runs r join briefs b on b.id = r.brief_id
    where r.id = ${runId} and r.status = 'approved'`
  return rows[0]
    ? z.object({ final_text: z.string(), approved_at: iso, erid: z.string().nullable(), channel: z.string() }).parse(rows[0])
    : undefined
}

/** Who wrote a draft version and with what (not its content: an SEO plan's is megabytes). */
export async function selectDraftOrigin(db: Queryable, runId: string, version: number) {
  // ai_engine: what wrote the words — the version's own engine, or for a writer's edit the engine of the AI version it edited
  const rows = await db`select d.lang, d.engine, d.model, d.prompt_id, d.prompt_version, coalesce(ai.engine, d.engine) as ai_engine
    from drafts d left join drafts ai on ai.run_id = d.run_id and ai.version = d.ai_version
    where d.run_id = ${runId} and d.version = ${version}`
  return rows[0]
    ? DraftRow.pick({ lang: true, engine: true, model: true, prompt_id: true, prompt_version: true })
        .extend({ ai_engine: DraftRow.shape.engine })
        .parse(rows[0])
    : undefined
}
