import { appendAudit } from '../audit/append'
import { selectBrief } from '../briefs/queries'
import { refuse } from '../refusals'
import { syncPolicy } from '../policy/store'
import { enqueueJob } from '../jobs/queries'
import { insertRun } from './queries'
import type { VerbArgs } from '../verb'

/** Creates the run and its first job; a worker does the drafting, never the HTTP request. */
export async function startRun({ ctx: { db, policy, user }, input: { briefId } }: VerbArgs<{ briefId: string }>): Promise<{ id: string }> {
  return db.begin(async (tx) => {
    const brief = await selectBrief(tx, briefId)
    if (!brief) throw refuse('not_found.brief')
    if (brief.authorId !== user.id) throw refuse('run.author_only_start')
    // The run is planned with the policy in force now, for good: changing the policy later
    // never changes its gates.
    await syncPolicy(tx, policy)
    const id = await insertRun(tx, {
      briefId: brief.id,
      authorId: brief.authorId,
      policyVersion: policy.version,
      distinctReviewers: policy.file.distinct_reviewers,
    })
    await enqueueJob(tx, id, 'run')
    await appendAudit(tx, {
      actorId: user.id,
      action: 'run.start',
      runId: id,
      data: { briefId: brief.id, kind: brief.kind, policyVersion: policy.version },
    })
    return { id }
  })
}
