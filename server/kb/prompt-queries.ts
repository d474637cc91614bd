import { z } from 'zod'
import { iso } from '../db/columns'
import { Lang } from '../../contracts/briefs'
import type { Queryable } from '../db/connect'

/** The front matter server/prompts/load.ts stores with each version. */
const PromptMeta = z.object({
  owner: z.string(),
  changelog: z.string(),
  schema: z.string().optional(),
  temperature: z.number().optional(),
})

export const PromptVersionRow = z.object({
  id: z.string(),
  version: z.string(),
  hash: z.string(),
  kind: z.string(),
  lang: Lang,
  meta: PromptMeta,
  first_seen_at: iso,
})
export type PromptVersionRow = z.infer<typeof PromptVersionRow>

export async function selectPromptVersions(db: Queryable, family?: { id: string; lang: string }): Promise<PromptVersionRow[]> {
  return z.array(PromptVersionRow).parse(
    await db`select id, version, hash, kind, lang, meta, first_seen_at from prompt_versions
    where ${family ? db`id = ${family.id} and lang = ${family.lang}` : db`true`}`,
  )
}

const PromptBodyRow = z.object({ body: z.string() })

export async function selectPromptBody(db: Queryable, id: string, version: string): Promise<string | undefined> {
  const [row] = z.array(PromptBodyRow).parse(await db`select body from prompt_versions where id = ${id} and version = ${version}`)
  return row?.body
}

export const PromptStatsRow = z.object({
  prompt_id: z.string(),
  prompt_version: z.string(),
  runs: z.number(),
  approved: z.number(),
  rejected: z.number(),
  approved_first: z.number(),
  mean_edit_ratio: z.number().nullable(),
  mean_cost: z.number().nullable(),
  costed_runs: z.number(),
})
export type PromptStatsRow = z.infer<typeof PromptStatsRow>

/**
 * The record of each prompt version. A run counts under the prompt version of its FIRST draft:
 * that is the version whose output the reviewers judged first, and a redraft after a prompt
 * change must not split one run between two versions. Its cost is every model call of the run
 * made with that version (the audit log's llm.call rows: first draft, redrafts), so a version
 * that needs rework is as dear as it really is.
 */
export async function selectPromptStats(db: Queryable, family?: { id: string; lang: string }): Promise<PromptStatsRow[]> {
  return z.array(PromptStatsRow).parse(
    await db`with firsts as (
      select d.prompt_id, d.prompt_version, r.id as run_id, r.status, r.draft_version, f.edit_ratio as final_ratio
      from drafts d
      join runs r on r.id = d.run_id
      left join drafts f on f.run_id = r.id and f.version = r.draft_version
      where d.version = 1 ${family ? db`and d.prompt_id = ${family.id} and d.lang = ${family.lang}` : db``}
    ), costs as (
      select fi.run_id,
        sum(case when jsonb_typeof(a.data->'costUsd') = 'number' then (a.data->>'costUsd')::float8 end) as cost,
        -- a call of unknown price (a model missing from the price list) leaves the run's cost unknown
        bool_and(jsonb_typeof(a.data->'costUsd') = 'number') as known
      from firsts fi
      join audit_log a on a.run_id = fi.run_id and a.action = 'llm.call' and a.data->>'promptVersion' = fi.prompt_version
      group by fi.run_id
    )
    select fi.prompt_id, fi.prompt_version,
      count(*)::int as runs,
      (count(*) filter (where fi.status = 'approved'))::int as approved,
      (count(*) filter (where fi.status = 'rejected'))::int as rejected,
      (count(*) filter (where fi.status = 'approved' and fi.draft_version = 1))::int as approved_first,
      -- the final text of an approved run written by the AI (draft 1 or a redraft) has no edit: ratio 0
      (avg(coalesce(fi.final_ratio, 0)) filter (where fi.status = 'approved'))::float8 as mean_edit_ratio,
      (avg(c.cost) filter (where c.known))::float8 as mean_cost,
      (count(c.run_id) filter (where c.known))::int as costed_runs
    from firsts fi left join costs c on c.run_id = fi.run_id
    group by fi.prompt_id, fi.prompt_version`,
  )
}
