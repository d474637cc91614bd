import type { Person, ResultRecord } from '../../contracts/kb'
import { selectBrief } from '../briefs/queries'
import { refuse } from '../refusals'
import { visibleResult } from './access'
import { selectDecisions, selectRatings, selectRecordDrafts, selectTags, type DecisionRow } from './queries'
import { redactBrief, runPolicy } from '../briefs/redact-brief'
import type { VerbArgs } from '../verb'

/**
 * One result's full record: the brief (redacted), every draft version, every gate decision with
 * its reviewer, the outcome, ratings and tags. Free text people typed (the brief, reviewers'
 * comments, a writer's edit the guard found personal data in) goes through the run's redactor.
 */
export async function getResult({ ctx: { db, policy, user }, input: { runId } }: VerbArgs<{ runId: string }>): Promise<ResultRecord> {
  const run = await visibleResult(db, policy, user, runId)
  const brief = await selectBrief(db, run.brief_id)
  if (!brief) throw refuse('not_found.brief')
  const [drafts, decisions, ratings, tags] = await Promise.all([
    selectRecordDrafts(db, runId),
    selectDecisions(db, runId),
    selectRatings(db, runId),
    selectTags(db, runId),
  ])
  const { fields, redactor } = redactBrief(await runPolicy(db, policy, run.policy_version), brief)
  const redactOrNull = (s: string | null) => (s === null ? null : redactor.redact(s))
  const mine = ratings.find((r) => r.user_id === user.id)
  return {
    runId: run.id,
    outcome: run.status,
    createdAt: run.created_at,
    approvedAt: run.approved_at,
    erid: run.erid,
    policyVersion: run.policy_version,
    brief: {
      id: brief.id,
      ...fields,
      channel: brief.channel,
      deadline: brief.deadline,
      lang: brief.lang,
      author: { id: run.author_id, name: run.author_name },
      createdAt: brief.createdAt,
    },
    drafts: drafts.map((d) => ({
      version: d.version,
      engine: d.engine,
      model: d.model,
      promptId: d.prompt_id,
      promptVersion: d.prompt_version,
      feedback: redactOrNull(d.feedback),
      // such a draft passed no gate, but the record of an approved run shows every version to everyone
      text: d.pii_findings > 0 ? redactor.redact(d.text) : d.text,
      categories: d.categories,
      createdAt: d.created_at,
      edit:
        d.edited_from === null
          ? null
          : {
              editedFrom: d.edited_from,
              aiVersion: d.ai_version!,
              editedBy: { id: d.edited_by!, name: d.edited_by_name! },
              distance: d.edit_distance!,
              ratio: d.edit_ratio!,
            },
    })),
    finalText: run.final_text,
    decisions: decisions.map((d) => ({
      gate: d.gate,
      draftVersion: d.draft_version,
      decision: d.decision,
      reviewer: { id: d.decided_by, name: d.decided_by_name },
      decidedAt: d.decided_at,
      comment: redactor.redact(d.comment),
    })),
    reviewers: currentReviewers(decisions, run.draft_version),
    rating: {
      avg: ratings.length ? ratings.reduce((n, r) => n + r.rating, 0) / ratings.length : null,
      count: ratings.length,
      mine: mine?.rating ?? null,
    },
    ratings: ratings.map((r) => ({
      user: { id: r.user_id, name: r.user_name },
      rating: r.rating,
      comment: r.comment,
      updatedAt: r.updated_at,
    })),
    tags: tags.map((t) => ({ tag: t.tag, addedBy: { id: t.added_by, name: t.added_by_name }, addedAt: t.added_at })),
  }
}

/** The people who passed or waived a gate of the draft that stands, in decision order. */
function currentReviewers(decisions: DecisionRow[], version: number): Person[] {
  const out = new Map<string, Person>()
  for (const d of decisions) {
    if (d.draft_version === version && (d.decision === 'pass' || d.decision === 'waive'))
      out.set(d.decided_by, { id: d.decided_by, name: d.decided_by_name })
  }
  return [...out.values()]
}
