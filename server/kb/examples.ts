import { z } from 'zod'
import type { BriefKind, Lang } from '../../contracts/briefs'
import type { Queryable } from '../db/connect'

export const ApprovedExample = z.object({
  runId: z.string(),
  text: z.string(),
  promptVersion: z.string(),
  ratingAvg: z.number().nullable(),
  ratingCount: z.number(),
  approvedAt: z.coerce.date().transform((d) => d.toISOString()),
})
export type ApprovedExample = z.infer<typeof ApprovedExample>

/**
 * Approved results of one kind, channel and language, for the drafting step to show the model
 * as examples: best rated first (unrated after rated ones), then newest. The text is the frozen
 * final text, which passed every gate, the no-personal-data check included; the brief is never
 * part of an example.
 */
export async function approvedExamples(
  db: Queryable,
  { kind, channel, lang, limit = 3 }: { kind: BriefKind; channel: string; lang: Lang; limit?: number },
): Promise<ApprovedExample[]> {
  const rows = await db`select r.id as run_id, r.final_text, d.prompt_version, r.approved_at,
      (select avg(x.rating)::float8 from result_ratings x where x.run_id = r.id) as rating_avg,
      (select count(*)::int from result_ratings x where x.run_id = r.id) as rating_count
    from runs r
    join briefs b on b.id = r.brief_id
    join drafts d on d.run_id = r.id and d.version = r.draft_version
    where r.status = 'approved' and r.final_text is not null and b.kind = ${kind} and b.channel = ${channel} and d.lang = ${lang}
    order by rating_avg desc nulls last, r.approved_at desc, r.id
    limit ${Math.max(1, Math.min(limit, 20))}`
  return rows.map((r) =>
    ApprovedExample.parse({
      runId: r.run_id,
      text: r.final_text,
      promptVersion: r.prompt_version,
      ratingAvg: r.rating_avg,
      ratingCount: r.rating_count,
      approvedAt: r.approved_at,
    }),
  )
}
