import { z } from 'zod'
import type { BriefKind, Lang } from '../../contracts/briefs'
import type { Queryable } from '../db/connect'
import { selectApprovedExamples } from './queries'

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
  const rows = await selectApprovedExamples(db, { kind, channel, lang, limit: Math.max(1, Math.min(limit, 20)) })
  return rows.map((r) => ({
    runId: r.run_id,
    text: r.final_text,
    promptVersion: r.prompt_version,
    ratingAvg: r.rating_avg,
    ratingCount: r.rating_count,
    approvedAt: r.approved_at,
  }))
}
