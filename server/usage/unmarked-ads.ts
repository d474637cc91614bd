import { z } from 'zod'
import { refuse } from '../refusals'
import type { Ctx } from '../verb'
import { WHOLE_LOG } from './read-usage'
import { selectUnmarkedAds } from './view-queries'

/** GET /api/usage/unmarked-ads: an approved paid ad without its erid, as the CMO's list shows it. */
export const UnmarkedAd = z.object({
  runId: z.string(),
  title: z.string(),
  channel: z.string(),
  author: z.string(),
  approvedAt: z.string(),
})

/**
 * Approved creatives for the current policy's paid-ad channels that carry no erid (38-FZ art.
 * 18.1): since erids are recorded at release none can be approved without one, so these are the
 * ads released before, for the team to mark with their ad-data operator (cmo/admin).
 */
export async function readUnmarkedAds({ ctx: { db, user, policy } }: { ctx: Ctx }): Promise<z.infer<typeof UnmarkedAd>[]> {
  if (!WHOLE_LOG.some((r) => user.roles.includes(r))) throw refuse('usage.whole_log_only')
  return (await selectUnmarkedAds(db, policy.file.paid_ad_channels)).map((r) => ({
    runId: r.run_id,
    title: r.title,
    channel: r.channel,
    author: r.author,
    approvedAt: r.approved_at,
  }))
}
