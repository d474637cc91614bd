import type { UnmarkedAd } from '../../contracts/usage'
import { refuse } from '../refusals'
import type { Ctx } from '../verb'
import { WHOLE_LOG } from './read-usage'
import { selectUnmarkedAds } from './view-queries'

/**
 * Approved creatives for the current policy's paid-ad channels that carry no erid (38-FZ art.
 * 18.1): since erids are recorded at release none can be approved without one, so these are the
 * ads released before, for the team to mark with their ad-data operator (cmo/admin).
 */
export async function readUnmarkedAds({ ctx: { db, user, policy } }: { ctx: Ctx }): Promise<UnmarkedAd[]> {
  if (!WHOLE_LOG.some((r) => user.roles.includes(r))) throw refuse('usage.whole_log_only')
  return (await selectUnmarkedAds(db, policy.file.paid_ad_channels)).map((r) => ({
    runId: r.run_id,
    title: r.title,
    channel: r.channel,
    author: r.author,
    approvedAt: r.approved_at,
  }))
}
