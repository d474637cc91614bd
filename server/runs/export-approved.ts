import type { ApprovedContent } from '../../contracts/runs'
import { assertSees, runAccess } from '../access/visibility'
import { appendAudit } from '../audit/append'
import { conflict, notFound } from '../errors'
import { selectGates } from '../gates/queries'
import { Redactor } from '../policy/pii-guard'
import type { VerbArgs } from '../verb'
import { selectApprovedText, selectDraftOrigin, selectRun } from './queries'

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
  if (!run) throw notFound('run')
  const access = await runAccess(db, policy, user, run)
  assertSees(access, 'run')
  if (run.status !== 'approved') throw conflict(`the run is ${run.status}: only an approved text is exported`)
  const [approved, origin, gates] = await Promise.all([
    selectApprovedText(db, runId),
    selectDraftOrigin(db, runId, run.draft_version),
    selectGates(db, runId),
  ])
  if (!approved || !origin) throw notFound('approved text')
  const passed = gates.filter((g) => g.draft_version === run.draft_version && (g.status === 'passed' || g.status === 'waived'))
  await appendAudit(db, { actorId: user.id, action: 'run.exported', runId, data: { format, draftVersion: run.draft_version } })
  return {
    id: `content.approved:${run.id}`,
    event: 'content.approved',
    runId: run.id,
    kind: run.kind,
    channel: approved.channel,
    lang: origin.lang,
    title: access === 'work' ? run.brief_title : Redactor.forPolicy(policy).redact(run.brief_title),
    text: approved.final_text,
    approvedAt: approved.approved_at,
    provenance: {
      engine: origin.engine,
      model: origin.model,
      promptVersion: `${origin.prompt_id}@${origin.prompt_version}`,
      policyVersion: run.policy_version,
      gates: passed.map((g) => {
        // the database refuses a decision without its reviewer and time: a gap here is a broken record, never a blank
        if (g.decided_by_email === null || g.decided_at === null) throw new Error(`gate ${g.id} is ${g.status} without who or when`)
        return { gate: g.gate, decision: g.status === 'waived' ? 'waive' : 'pass', decidedBy: g.decided_by_email, decidedAt: g.decided_at }
      }),
    },
  }
}
