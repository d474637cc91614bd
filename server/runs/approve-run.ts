import { appendAudit } from '../audit/append'
import type { Sql } from '../db/connect'
import { refuse } from '../refusals'
import { selectGates } from '../gates/queries'
import { markApproved, selectRun } from './queries'
import { approvedContent } from './approved-content'
import type { Destination } from '../handoff/deliver'
import { takesContent } from '../handoff/policy-destinations'
import { enqueueDelivery, insertEvent } from '../handoff/queries'
import { toAuthor } from '../notify/emit'

/**
 * The release step. Approval happens only here, in one transaction; the runs trigger refuses
 * `approved` unless every gate of the current draft, release included, is passed. The final
 * text is frozen from the approved draft version, and its hand-off is queued in the same
 * transaction (the outbox: never before approval, never lost).
 */
export async function approveRun(
  sql: Sql,
  { runId, version }: { runId: string; version: number },
  destinations: readonly Destination[] = [],
) {
  await sql.begin(async (tx) => {
    const run = await selectRun(tx, runId, { forUpdate: true })
    if (!run) throw refuse('not_found.run')
    if (run.status === 'approved') return
    if (run.draft_version !== version) throw refuse('run.stale_version', { id: runId, current: run.draft_version, version })
    const gates = (await selectGates(tx, runId)).filter((g) => g.draft_version === version)
    await markApproved(tx, runId, version)
    // the approved text with its proof (and a paid ad's erid, copied by the database at approval)
    const content = await approvedContent(tx, run, run.brief_title)
    await appendAudit(tx, {
      actorId: null,
      action: 'run.approved',
      runId,
      data: {
        draftVersion: version,
        gates: gates.map((g) => ({ gate: g.gate, decidedBy: g.decided_by_email, decidedAt: g.decided_at })),
        sinceStartMs: Date.now() - Date.parse(run.created_at),
        ...(content.erid ? { erid: content.erid } : {}),
      },
    })
    // The outbox, in the same transaction: the approved text with its proof, and one delivery per
    // destination. The event is kept even with no destination configured (the export serves it).
    await insertEvent(tx, { id: content.id, type: 'content.approved', runId, payload: content })
    for (const d of destinations)
      if (takesContent(d, content)) await enqueueDelivery(tx, { runId, eventId: content.id, destination: d.name })
    await toAuthor(tx, { type: 'run.approved', runId, authorId: run.author_id, actorId: null, briefTitle: run.brief_title, kind: run.kind })
  })
}
