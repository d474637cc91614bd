import { appendAudit } from '../audit/append'
import { redactBrief, runPolicy } from '../briefs/redact-brief'
import { selectBrief } from '../briefs/queries'
import { generateDraft } from '../drafting/generate'
import { draftingKind, takesExamples } from '../drafting/kinds'
import type { DraftingTask } from '../drafting/types'
import { refuse } from '../refusals'
import { LlmError } from '../llm/provider'
import type { RiskHit } from '../policy/classify'
import { reviewWithModel, wantsModelReview, withModelHits } from '../policy/model-review'
import { headlineMaxLength } from '../policy/schema'
import { BudgetedProvider } from '../usage/budgeted-provider'
import { budgetStatus } from '../usage/budget'
import { classifyDraft, isInternalKind } from '../briefs/classify'
import { approvedExamples } from '../kb/examples'
import type { BriefKind, Lang } from '../../contracts/briefs'
import type { RunDeps } from './deps'
import { reportProgress } from '../jobs/progress'
import { announceBudgets } from '../notify/budget-notice'
import { selectAuthor, selectDraft, selectDraftVersions, selectRun, setDraftVersion, setRunStatus, upsertDraft } from './queries'

/** Personal data in a brief whose policy says `block`: nothing was sent to any model. */
export class PersonalDataBlocked extends Error {}

/**
 * Produces draft `version` of a run through the LLM layer and stores it with its risk
 * classification and its audit row in one transaction. Before any model call the brief passes
 * the personal-data guard (redact to placeholders, or refuse). The version comes from the graph
 * state, so a node re-run after a crash rewrites the same version instead of adding one.
 */
export async function draftRun(
  deps: RunDeps,
  { runId, version, feedback }: { runId: string; version: number; feedback: string | null },
): Promise<void> {
  const { sql, provider, prompts } = deps
  const run = await selectRun(sql, runId)
  if (!run) throw refuse('not_found.run')
  const brief = await selectBrief(sql, run.brief_id)
  if (!brief) throw refuse('not_found.brief')
  const policy = await runPolicy(sql, deps.policy, run.policy_version)
  await setRunStatus(sql, runId, 'running')
  reportProgress('redacting')

  // The personal-data guard: the model sees placeholders, never the values.
  // Findings the writer reviewed as false positives (with a reason, logged) stay as written.
  const { fields, redactor } = redactBrief(policy, brief)
  const safe = { ...fields, feedback: feedback === null ? null : redactor.redact(feedback) }
  if (redactor.total > 0) {
    const data = { draftVersion: version, counts: redactor.counts, dismissed: redactor.dismissed, policyVersion: policy.version }
    if (policy.file.personal_data.inputs === 'block') {
      await appendAudit(sql, { actorId: run.author_id, action: 'pii.blocked', runId, data })
      const list = Object.entries(redactor.counts)
        .map(([t, n]) => `${n} × ${t}`)
        .join(', ')
      throw new PersonalDataBlocked(
        `the brief holds personal data (${list}); the policy blocks it, nothing was sent to a model. Remove it (or mark a false positive as not personal data) in a new brief`,
      )
    }
    await appendAudit(sql, { actorId: run.author_id, action: 'pii.redacted', runId, data })
  }

  const kind = draftingKind(brief.kind)
  const before = (await selectDraftVersions(sql, runId)).filter((d) => d.version < version).at(-1)
  const previous = before ? await selectDraft(sql, runId, before.version) : undefined
  const task: DraftingTask = {
    // the redacted fields: the brief's texts, and its kind with that kind's inputs
    brief: { ...fields, channel: brief.channel, deadline: brief.deadline, lang: brief.lang },
    feedback: safe.feedback,
    // A writer's edit is its text: that is what the reviewer asked to change.
    previous: previous ? (previous.engine === 'human' ? { editedText: previous.text } : previous.body.content) : null,
    limits: { headlineMaxLength: headlineMaxLength(policy.file, brief.channel) },
    examples: await examplesFor(deps, brief),
  }
  const prompt = prompts.get(kind.promptId, brief.lang)
  const budgeted = await budgetedFor(deps, run.author_id, { runId, kind: brief.kind, draftVersion: version })
  const examples = task.examples?.length ? { examples: task.examples.map((e) => e.runId) } : {}
  const callInfo = {
    purpose: 'draft',
    kind: brief.kind,
    promptId: prompt.id,
    promptVersion: prompt.versionLabel,
    draftVersion: version,
    redacted: redactor.total,
    ...examples,
  }
  // Every call is on record as soon as it ends, also one that failed: the money was spent.
  const { output, engine, model } = await generateDraft(kind, task, budgeted, prompt, async ({ part, usage, outcome, error }) => {
    await appendAudit(sql, {
      actorId: run.author_id,
      action: 'llm.call',
      runId,
      data: { ...callInfo, ...(part ? { part } : {}), ...usage, outcome, ...(error ? { error } : {}) },
    })
  })
  const text = kind.toText(output, brief.lang)
  reportProgress('checking')
  // The draft is classified by rules; a model reviewer, where the policy enables it, may only add.
  const c = await classifyDraft(policy, text, brief)
  const piiFindings = c.piiFindings
  let modelAudit: Record<string, unknown> | null = null
  let modelRisks: RiskHit[] = []
  const refusedBeforeReview = budgeted.refusals.length
  if (refusedBeforeReview === 0 && wantsModelReview(policy, provider, piiFindings) && !isInternalKind(policy, brief.kind)) {
    const info = { purpose: 'risk_review', kind: brief.kind, promptId: 'risk-review', draftVersion: version }
    try {
      const review = await reviewWithModel(
        { ...deps, policy, provider: budgeted },
        { text, lang: brief.lang, channel: brief.channel, ruleHits: c.risks, sectors: c.sectors },
      )
      modelRisks = review.hits
      modelAudit = {
        ...info,
        promptVersion: review.promptVersion,
        ...review.usage,
        outcome: 'ok',
        added: withModelHits([], modelRisks).filter((k) => !c.categories.includes(k)),
      }
    } catch (err) {
      // The rules' gates stand without it; the failure is logged, not hidden.
      if (!(err instanceof LlmError)) throw err
      modelAudit = { ...info, ...err.usage, outcome: err.failure, error: err.message }
    }
  }
  const risks = [...c.risks, ...modelRisks]
  const refusal = budgeted.refusals[0]
  const engineNote = !refusal
    ? null
    : refusedBeforeReview > 0
      ? `${refusal.message}: the offline engine drafted this version.`
      : `${refusal.message}: the model's risk review was skipped; the rules' gates stand.`
  const categories = withModelHits(c.categories, modelRisks)
  await sql.begin(async (tx) => {
    await upsertDraft(tx, {
      runId,
      version,
      lang: brief.lang,
      contentJson: JSON.stringify(output),
      text,
      engine,
      model,
      promptId: prompt.id,
      promptVersion: prompt.versionLabel,
      feedback,
      categories,
      risks,
      missing: c.missing,
      piiFindings,
      engineNote,
    })
    await setDraftVersion(tx, runId, version)
    if (modelAudit) await appendAudit(tx, { actorId: run.author_id, action: 'llm.call', runId, data: modelAudit })
    // money was spent only when a model is configured: the offline engine is free whatever the budget
    const author = provider.engine !== 'offline' ? await selectAuthor(tx, run.author_id) : undefined
    if (author) await announceBudgets(tx, { budgets: deps.policy.file.budgets, author, runId, briefTitle: brief.title, kind: brief.kind })
  })
}

/** Kinds whose drafts learn the house style from approved results (not research, not keyword lists). */
/**
 * Approved results of the brief's kind, channel and language (the current policy says how many),
 * only when a model will read them: the offline engine has no use for them.
 */
async function examplesFor(deps: RunDeps, brief: { kind: BriefKind; channel: string; lang: Lang }) {
  const limit = deps.policy.file.knowledge_base.examples
  if (limit === 0 || deps.provider.engine === 'offline' || !takesExamples(brief.kind)) return []
  return (await approvedExamples(deps.sql, { kind: brief.kind, channel: brief.channel, lang: brief.lang, limit })).map((e) => ({
    runId: e.runId,
    text: e.text,
  }))
}

/**
 * The model provider of this run, held to its author's and their team's monthly budgets (the
 * current policy's, not the run's: budgets are money, not rules a draft was planned with).
 * A refused call is on record as `llm.refused`, with the budget and the spend.
 */
async function budgetedFor(
  deps: RunDeps,
  authorId: string,
  info: { runId: string; kind: string; draftVersion: number },
): Promise<BudgetedProvider> {
  const user = await selectAuthor(deps.sql, authorId)
  if (!user) throw refuse('not_found.author')
  return new BudgetedProvider(
    deps.provider,
    () => budgetStatus(deps.sql, deps.policy.file.budgets, user),
    async ({ scope, month }) => {
      const data = {
        reason: 'budget',
        scope: scope.scope,
        name: scope.name,
        limitUsd: scope.limitUsd,
        spentUsd: scope.spentUsd,
        month,
        kind: info.kind,
        draftVersion: info.draftVersion,
      }
      await appendAudit(deps.sql, { actorId: authorId, action: 'llm.refused', runId: info.runId, data })
    },
  )
}
