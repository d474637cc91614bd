import { diffLines } from 'diff'
import { distance } from 'fastest-levenshtein'
import type { DraftEdit } from '../../contracts/runs'
import { editedAsStructure, reviseDraft } from '../drafting/kinds'
import { appendAudit } from '../audit/append'
import { selectBrief } from '../briefs/queries'
import { refuse } from '../refusals'
import { policyByVersion } from '../policy/store'
import { classifyDraft } from '../briefs/classify'
import { enqueueJob } from '../jobs/queries'
import { selectGates } from '../gates/queries'
import { insertEditedDraft, selectDraft, selectRun, setDraftVersion, setRunStatus, supersedeGates } from './queries'
import type { VerbArgs } from '../verb'

/** Above this product of lengths (two ~20,000-character texts) exact Levenshtein takes seconds. */
const EXACT_LIMIT = 4e8

/**
 * How far a text is from the AI's: the Levenshtein distance and its share of the longer text.
 * For long texts (an SEO plan of thousands of keywords) the distance is counted on a line diff
 * instead: the characters of the lines removed and added, an upper bound of the exact distance.
 */
export function editDistance(ai: string, final: string): { distance: number; ratio: number } {
  const longer = Math.max(ai.length, final.length)
  let d: number
  if (ai.length * final.length <= EXACT_LIMIT) d = distance(ai, final)
  else {
    const parts = diffLines(ai, final, { maxEditLength: 5_000 })
    d = parts ? parts.reduce((n, p) => n + (p.added || p.removed ? p.value.length : 0), 0) : longer
  }
  return { distance: d, ratio: longer === 0 ? 0 : Math.min(1, d / longer) }
}

/**
 * The author replaces the text of the draft under review. The edit is a new draft version
 * (engine "human"): it is classified by the rules again, the gates of the edited version are
 * superseded (whoever passed them judged other words), and the graph plans the gates anew.
 * Only while the run waits for a reviewer, and only on the current version (a stale edit is 409).
 */
export async function editDraft({ ctx, input: { runId, edit: input } }: VerbArgs<{ runId: string; edit: DraftEdit }>) {
  const { db, user } = ctx
  return db.begin(async (tx) => {
    const run = await selectRun(tx, runId, { forUpdate: true })
    if (!run) throw refuse('not_found.run')
    if (run.author_id !== user.id) throw refuse('edit.author_only')
    if (run.status !== 'awaiting_review') throw refuse('edit.not_in_review', { runStatus: run.status })
    if (run.draft_version !== input.version) throw refuse('edit.stale_version', { current: run.draft_version, version: input.version })
    const current = await selectDraft(tx, runId, input.version)
    if (!current) throw refuse('not_found.draft', { version: input.version })
    const brief = await selectBrief(tx, run.brief_id)
    if (!brief) throw refuse('not_found.brief')
    // A content plan is edited as structure; its text follows from it.
    const { body } = current
    let content = body.content
    let text = input.text
    const structural = editedAsStructure(body.kind)
    if (structural && input.content === undefined) {
      throw refuse('edit.plan_by_content', {}, [{ path: 'text', message: 'send content instead' }])
    }
    if (input.content !== undefined) {
      const revised = reviseDraft(body, input.content, current.lang)
      if (!revised) throw refuse('edit.structure_only_plan', {}, [{ path: 'content', message: 'not for this kind' }])
      content = revised.content
      text = revised.text
    }
    if (text === undefined || current.text === text) throw refuse('edit.unchanged')
    const waiting = (await selectGates(tx, runId)).find((g) => g.draft_version === input.version && g.status === 'open')
    if (!waiting) throw refuse('edit.no_open_gate')
    const policy = run.policy_version ? await policyByVersion(tx, run.policy_version) : ctx.policy

    // the distance is measured from the AI's own version, however many edits came between
    const ai =
      current.engine === 'human' && current.ai_version !== null ? ((await selectDraft(tx, runId, current.ai_version)) ?? current) : current
    const edit = editDistance(ai.text, text)
    const c = await classifyDraft(policy, text, brief)
    const version = input.version + 1
    await insertEditedDraft(tx, {
      runId,
      version,
      lang: current.lang,
      content,
      text,
      model: user.email,
      promptId: current.prompt_id,
      promptVersion: current.prompt_version,
      categories: c.categories,
      risks: c.risks,
      missing: c.missing,
      piiFindings: c.piiFindings,
      editedFrom: input.version,
      aiVersion: ai.version,
      editedBy: user.id,
      distance: edit.distance,
      ratio: edit.ratio,
    })
    await supersedeGates(tx, runId, input.version)
    await setDraftVersion(tx, runId, version)
    await setRunStatus(tx, runId, 'queued')
    await enqueueJob(tx, runId, 'resume', { gateId: waiting.id, decision: 'edited', comment: '', version })
    await appendAudit(tx, {
      actorId: user.id,
      action: 'draft.edited',
      runId,
      data: {
        draftVersion: version,
        editedFrom: input.version,
        aiVersion: ai.version,
        editDistance: edit.distance,
        editRatio: edit.ratio,
        categories: c.categories,
        piiFindings: c.piiFindings,
      },
    })
    return { version }
  })
}
