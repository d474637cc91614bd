import type { Brief, BriefListItem } from '../../contracts/briefs'
import { assertSees, briefAccess, seesAllWork } from '../access/visibility'
import { refuse } from '../refusals'
import { Redactor } from '../policy/pii-guard'
import { redactBrief } from './redact-brief'
import { selectBrief, selectBriefRuns, selectBriefs } from './queries'
import type { VerbArgs } from '../verb'

/**
 * A brief as typed, for its author, its reviewers and the roles the policy names; for anyone
 * else only as the context of an approved result: redacted, with its approved runs only.
 */
export async function getBrief({ ctx: { db, policy, user }, input: { id } }: VerbArgs<{ id: string }>): Promise<Brief> {
  const b = await selectBrief(db, id)
  if (!b) throw refuse('not_found.brief')
  const access = await briefAccess(db, policy, user, b)
  assertSees(access, 'brief')
  const runs = (await selectBriefRuns(db, id)).filter((r) => access === 'work' || r.status === 'approved')
  // the row holds the contract's fields (and the owner's id, not shown)
  const { factCheckOwnerId: _ownerId, ...typed } = b
  const shown = access === 'work' ? typed : { ...typed, ...redactBrief(policy, b).fields, piiDismissals: [] }
  return {
    ...shown,
    runs: runs.map((r) => ({ id: r.id, status: r.status, createdAt: r.created_at })),
  }
}

/**
 * Writers see their own briefs by default; `all` shows every brief this user may read: all of
 * them for the roles that see all work, else their own, those they review, and those with an
 * approved result (title redacted).
 */
export async function listBriefs({ ctx: { db, policy, user }, input: { all } }: VerbArgs<{ all: boolean }>): Promise<BriefListItem[]> {
  const everything = all && seesAllWork(policy, user)
  const rows = await selectBriefs(db, { authorId: all ? undefined : user.id, visibleTo: everything || !all ? undefined : user, limit: 200 })
  const redactor = Redactor.forPolicy(policy)
  return rows.map((r) => {
    // outside the work a brief is listed for its approved result: that, and nothing of its other runs
    const work = r.authorId === user.id || everything || r.reviews
    return {
      id: r.id,
      kind: r.kind,
      title: work ? r.title : redactor.redact(r.title),
      channel: r.channel,
      deadline: r.deadline,
      authorEmail: r.authorEmail,
      createdAt: r.createdAt,
      status: work ? r.status : 'approved',
      overdue: work && r.overdue,
    }
  })
}
