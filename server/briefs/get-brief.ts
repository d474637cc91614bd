import type { Brief, BriefListItem } from '../../contracts/briefs'
import type { UserRow } from '../auth/queries'
import type { Queryable } from '../db/connect'
import { notFound } from '../errors'
import { selectBrief, selectBriefRuns, selectBriefs } from './queries'

/** Briefs are team documents: every logged-in user may read them (reviewers need the context). */
export async function getBrief({ db, id }: { db: Queryable; id: string }): Promise<Brief> {
  const b = await selectBrief(db, id)
  if (!b) throw notFound('brief')
  const runs = await selectBriefRuns(db, id)
  return {
    id: b.id,
    kind: b.kind,
    title: b.title,
    audience: b.audience,
    task: b.task,
    offer: b.offer,
    format: b.format,
    channel: b.channel,
    deadline: b.deadline,
    qualityCriteria: b.quality_criteria,
    successMetrics: b.success_metrics,
    factCheckOwner: b.fact_check_owner_email,
    lang: b.lang,
    inputs: b.inputs,
    piiDismissals: b.pii_dismissals,
    authorId: b.author_id,
    authorEmail: b.author_email,
    createdAt: b.created_at,
    runs: runs.map((r) => ({ id: r.id, status: r.status, createdAt: r.created_at })),
  }
}

/** Writers see their own briefs by default; `all` shows the team's. */
export async function listBriefs({ db, user, all }: { db: Queryable; user: UserRow; all: boolean }): Promise<BriefListItem[]> {
  const rows = await selectBriefs(db, { authorId: all ? undefined : user.id, limit: 200 })
  return rows.map((r) => ({
    id: r.id, kind: r.kind, title: r.title, channel: r.channel, deadline: r.deadline,
    authorEmail: r.author_email, createdAt: r.created_at,
  }))
}
