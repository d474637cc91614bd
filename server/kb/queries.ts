import { z } from 'zod'
import { iso, isoOrNull } from '../db/columns'
import { Decision, GateName, RunStatus } from '../../contracts/runs'
import type { BriefKind, Lang } from '../../contracts/briefs'
import type { Queryable } from '../db/connect'

export const ResultRunRow = z.object({
  id: z.string(),
  brief_id: z.string(),
  author_id: z.string(),
  author_name: z.string(),
  status: RunStatus,
  draft_version: z.number(),
  policy_version: z.string().nullable(),
  final_text: z.string().nullable(),
  created_at: iso,
  approved_at: isoOrNull,
  erid: z.string().nullable(),
})
export type ResultRunRow = z.infer<typeof ResultRunRow>

export async function selectResultRun(db: Queryable, runId: string): Promise<ResultRunRow | undefined> {
  const rows = await db`select r.id, r.brief_id, r.author_id, u.name as author_name, r.status, r.draft_version, r.policy_version,
      r.final_text, r.created_at, r.approved_at, r.erid
    from runs r join users u on u.id = r.author_id where r.id = ${runId}`
  return rows[0] ? ResultRunRow.parse(rows[0]) : undefined
}

export const RecordDraftRow = z.object({
  version: z.number(),
  engine: z.enum(['offline', 'openai', 'human']),
  model: z.string(),
  prompt_id: z.string(),
  prompt_version: z.string(),
  feedback: z.string().nullable(),
  text: z.string(),
  categories: z.array(z.string()),
  pii_findings: z.number(),
  created_at: iso,
  edited_from: z.number().nullable(),
  ai_version: z.number().nullable(),
  edited_by: z.string().nullable(),
  edited_by_name: z.string().nullable(),
  edit_distance: z.number().nullable(),
  edit_ratio: z.number().nullable(),
})
export type RecordDraftRow = z.infer<typeof RecordDraftRow>

export async function selectRecordDrafts(db: Queryable, runId: string): Promise<RecordDraftRow[]> {
  return z.array(RecordDraftRow).parse(
    await db`select d.version, d.engine, d.model, d.prompt_id, d.prompt_version, d.feedback, d.text,
      d.categories, d.pii_findings, d.created_at, d.edited_from, d.ai_version, d.edited_by, u.name as edited_by_name, d.edit_distance, d.edit_ratio
    from drafts d left join users u on u.id = d.edited_by where d.run_id = ${runId} order by d.version`,
  )
}

export const DecisionRow = z.object({
  gate: GateName,
  draft_version: z.number(),
  decision: Decision,
  decided_by: z.string(),
  decided_by_name: z.string(),
  decided_at: iso,
  comment: z.string(),
})
export type DecisionRow = z.infer<typeof DecisionRow>

export async function selectDecisions(db: Queryable, runId: string): Promise<DecisionRow[]> {
  return z.array(DecisionRow).parse(
    await db`select g.gate, g.draft_version, gd.decision, gd.decided_by, u.name as decided_by_name,
      gd.decided_at, gd.comment
    from gate_decisions gd join gates g on g.id = gd.gate_id join users u on u.id = gd.decided_by
    where gd.run_id = ${runId} order by gd.decided_at, g.draft_version, g.position`,
  )
}

export const RatingRow = z.object({
  user_id: z.string(),
  user_name: z.string(),
  rating: z.number(),
  comment: z.string().nullable(),
  updated_at: iso,
})

export async function selectRatings(db: Queryable, runId: string) {
  return z.array(RatingRow).parse(
    await db`select r.user_id, u.name as user_name, r.rating, r.comment, r.updated_at
    from result_ratings r join users u on u.id = r.user_id where r.run_id = ${runId} order by r.updated_at desc, u.name`,
  )
}

export const TagRow = z.object({ tag: z.string(), added_by: z.string(), added_by_name: z.string(), added_at: iso })

export async function selectTags(db: Queryable, runId: string) {
  return z.array(TagRow).parse(
    await db`select t.tag, t.added_by, u.name as added_by_name, t.added_at
    from result_tags t join users u on u.id = t.added_by where t.run_id = ${runId} order by t.tag`,
  )
}

const TagNameRow = z.object({ tag: z.string() })

export async function selectTagNames(db: Queryable, runId: string): Promise<string[]> {
  return z
    .array(TagNameRow)
    .parse(await db`select tag from result_tags where run_id = ${runId} order by tag`)
    .map((r) => r.tag)
}

/** Serialises the taggers of one result until the transaction ends; the run row itself stays unlocked. */
export async function lockResultTags(db: Queryable, runId: string): Promise<void> {
  await db`select pg_advisory_xact_lock(72010005, hashtext(${runId}))`
}

/** One rating per person: rating again replaces the rating and the comment, and keeps when it was first given. */
export async function upsertRating(db: Queryable, r: { runId: string; userId: string; rating: number; comment: string | null }) {
  await db`insert into result_ratings (run_id, user_id, rating, comment) values (${r.runId}, ${r.userId}, ${r.rating}, ${r.comment})
    on conflict (run_id, user_id) do update set rating = excluded.rating, comment = excluded.comment, updated_at = now()`
}

export async function selectRatingSummary(db: Queryable, runId: string, userId: string) {
  const [row] = await db`select avg(rating)::float8 as avg, count(*)::int as count,
      max(rating) filter (where user_id = ${userId})::int as mine
    from result_ratings where run_id = ${runId}`
  return z.object({ avg: z.number().nullable(), count: z.number(), mine: z.number().nullable() }).parse(row)
}

/** True when the tag was new on this result. */
export async function insertTag(db: Queryable, t: { runId: string; tag: string; userId: string }): Promise<boolean> {
  const rows = await db`insert into result_tags (run_id, tag, added_by) values (${t.runId}, ${t.tag}, ${t.userId})
    on conflict (run_id, tag) do nothing returning tag`
  return rows.length > 0
}

/** True when the result had the tag. */
export async function deleteTag(db: Queryable, runId: string, tag: string): Promise<boolean> {
  return (await db`delete from result_tags where run_id = ${runId} and tag = ${tag} returning tag`).length > 0
}

export const ApprovedExampleRow = z.object({
  run_id: z.string(),
  final_text: z.string(),
  prompt_version: z.string(),
  approved_at: iso,
  rating_avg: z.number().nullable(),
  rating_count: z.number(),
})
export type ApprovedExampleRow = z.infer<typeof ApprovedExampleRow>

/** Approved results of one kind, channel and language: best rated first (unrated after rated ones), then newest. */
export async function selectApprovedExamples(
  db: Queryable,
  { kind, channel, lang, limit }: { kind: BriefKind; channel: string; lang: Lang; limit: number },
): Promise<ApprovedExampleRow[]> {
  return z.array(ApprovedExampleRow).parse(
    await db`select r.id as run_id, r.final_text, d.prompt_version, r.approved_at,
      (select avg(x.rating)::float8 from result_ratings x where x.run_id = r.id) as rating_avg,
      (select count(*)::int from result_ratings x where x.run_id = r.id) as rating_count
    from runs r
    join briefs b on b.id = r.brief_id
    join drafts d on d.run_id = r.id and d.version = r.draft_version
    where r.status = 'approved' and r.final_text is not null and b.kind = ${kind} and b.channel = ${channel} and d.lang = ${lang}
    order by rating_avg desc nulls last, r.approved_at desc, r.id
    limit ${limit}`,
  )
}
