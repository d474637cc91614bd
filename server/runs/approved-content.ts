import type { ApprovedContent } from '../../contracts/runs'
import type { Queryable } from '../db/connect'
import { refuse } from '../refusals'
import { selectGates } from '../gates/queries'
import { policyByVersion } from '../policy/store'
import { type RunRow, selectApprovedText, selectDraftOrigin } from './queries'

/**
 * An approved run's frozen text with the proof of its approval: the hand-off payload, also what
 * GET /api/runs/:id/export returns. `title`: the brief's, or redacted for a reader outside the work.
 */
export async function approvedContent(db: Queryable, run: RunRow, title: string): Promise<ApprovedContent> {
  const [approved, origin, gates, policy] = await Promise.all([
    selectApprovedText(db, run.id),
    selectDraftOrigin(db, run.id, run.draft_version),
    selectGates(db, run.id),
    run.policy_version ? policyByVersion(db, run.policy_version) : undefined,
  ])
  if (!approved || !origin) throw refuse('not_found.approved_text')
  // the label travels with the text: the run's policy says which channels show one
  const aiAssisted = origin.ai_engine === 'openai'
  const rule = policy?.file.ai_label
  const label = aiAssisted && rule?.channels.includes(approved.channel) ? rule.text[origin.lang] : null
  const passed = gates.filter((g) => g.draft_version === run.draft_version && (g.status === 'passed' || g.status === 'waived'))
  return {
    id: `content.approved:${run.id}`,
    event: 'content.approved',
    runId: run.id,
    kind: run.kind,
    channel: approved.channel,
    lang: origin.lang,
    title,
    text: approved.final_text,
    approvedAt: approved.approved_at,
    erid: approved.erid,
    label,
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
      aiAssisted,
      humanReviewed: true,
    },
  }
}
