import type { ApprovedContent } from '../../contracts/runs'
import { assertSees, runAccess } from '../access/visibility'
import { appendAudit } from '../audit/append'
import { refuse } from '../refusals'
import { Redactor } from '../policy/pii-guard'
import type { VerbArgs } from '../verb'
import { approvedContent } from './approved-content'
import { selectRun } from './queries'

/**
 * An approved run's final text with the proof of its approval (engine, model, prompt and policy
 * versions, every gate with who passed it and when): the hand-off payload. Only after approval;
 * whoever may read the approved result may export it (outside the work, the brief's title is
 * redacted, as in the brief list). Every export is on record.
 */
export async function exportApproved({
  ctx: { db, policy, user },
  input: { runId, format },
}: VerbArgs<{ runId: string; format: 'md' | 'html' | 'json' }>): Promise<ApprovedContent> {
  const run = await selectRun(db, runId)
  if (!run) throw refuse('not_found.run')
  const access = await runAccess(db, policy, user, run)
  assertSees(access, 'run')
  if (run.status !== 'approved') throw refuse('export.not_approved', { runStatus: run.status })
  const content = await approvedContent(db, run, access === 'work' ? run.brief_title : Redactor.forPolicy(policy).redact(run.brief_title))
  await appendAudit(db, { actorId: user.id, action: 'run.exported', runId, data: { format, draftVersion: run.draft_version } })
  return content
}
