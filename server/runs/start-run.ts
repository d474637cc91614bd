import { appendAudit } from '../audit/append'
import type { UserRow } from '../auth/queries'
import { selectBrief } from '../briefs/queries'
import type { Sql } from '../db/connect'
import { forbidden, notFound } from '../errors'
import type { Policy } from '../policy/load'
import { syncPolicy } from '../policy/store'
import { enqueueJob } from './jobs'

/** Creates the run and its first job; a worker does the drafting, never the HTTP request. */
export async function startRun({
  sql,
  policy,
  user,
  briefId,
}: {
  sql: Sql
  policy: Policy
  user: UserRow
  briefId: string
}): Promise<{ id: string }> {
  return sql.begin(async (tx) => {
    const brief = await selectBrief(tx, briefId)
    if (!brief) throw notFound('brief')
    if (brief.authorId !== user.id) throw forbidden('only the author of a brief starts drafting runs on it')
    // The run is planned with the policy in force now, for good: changing the policy later
    // never changes its gates.
    await syncPolicy(tx, policy)
    const [run] = await tx`insert into runs (brief_id, author_id, policy_version, distinct_reviewers)
      values (${brief.id}, ${brief.authorId}, ${policy.version}, ${policy.file.distinct_reviewers}) returning id`
    const id = String(run!.id)
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
