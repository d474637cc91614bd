import { selectBrief } from '../briefs/queries'
import { notFound } from '../errors'
import { briefParameters, extractClaims, needsFactCheckWithoutClaims } from '../policy/claims'
import { planGates } from '../policy/plan'
import type { RiskCategory } from '../policy/schema'
import { policyByVersion } from '../policy/store'
import type { Queryable } from '../db/connect'
import type { RunDeps } from '../runs/deps'
import { classifyBrief } from '../runs/classify-draft'
import { givenProofs } from '../drafting/kinds'
import { selectDrafts, selectRun } from '../runs/queries'
import { recordClaims } from './record-claims'

/**
 * Plans the gates of one draft version from the risk categories of the brief and of the draft,
 * by the policy the run started with, and records the claims the fact-check owner must verify
 * (those verified on an earlier draft with the same statement keep their check: record-claims.ts).
 * Idempotent (a re-run after a crash finds the rows it made); returns the gate ids in order.
 */
export async function createGates(deps: RunDeps, { runId, version }: { runId: string; version: number }): Promise<string[]> {
  const planOf = (db: Queryable) => db`select id from gates where run_id = ${runId} and draft_version = ${version} order by position`
  // A re-run after a crash finds the plan it made: the database refuses a second plan once
  // review of the version has started, so never try.
  const made = await planOf(deps.sql)
  if (made.length > 0) return made.map((r) => String(r.id))
  // Reads and classification stay outside the transaction: a long brief is classified in the
  // compute pool for seconds, and the embedded database has one connection for everyone.
  const run = await selectRun(deps.sql, runId)
  if (!run) throw notFound('run')
  const brief = await selectBrief(deps.sql, run.brief_id)
  if (!brief) throw notFound('brief')
  const [draft] = await selectDrafts(deps.sql, runId, version)
  if (!draft) throw notFound(`draft ${version}`)
  const policy = run.policy_version ? await policyByVersion(deps.sql, run.policy_version) : deps.policy

  // A risky brief gates its drafts even when a draft words the risk away.
  const briefCategories = (await classifyBrief(policy, brief)).categories
  const categories = [...new Set<RiskCategory>([...briefCategories, ...draft.categories])]
  let planned = planGates(policy, categories, { factCheckOwner: brief.factCheckOwner })
  const claims = planned.some((g) => g.gate === 'fact_check')
    ? extractClaims(draft.text, draft.risks, givenProofs(draft.body), briefParameters(brief))
    : []
  // A fact check that only numbers and results asked for has nothing to do without a claim;
  // one that a riskier category (finance, medicine, a superlative) asks for stays.
  if (claims.length === 0 && !needsFactCheckWithoutClaims(policy, categories)) planned = planned.filter((g) => g.gate !== 'fact_check')

  return deps.sql.begin(async (tx) => {
    const again = await planOf(tx) // a second worker that got here first
    if (again.length > 0) return again.map((r) => String(r.id))
    for (const [position, g] of planned.entries()) {
      await tx`insert into gates (run_id, draft_version, position, gate, role, assignee_id, sla_business_days, waivable_by, escalate_to)
        values (${runId}, ${version}, ${position}, ${g.gate}, ${g.role},
          (select id from users where email = ${g.assigneeEmail} and disabled_at is null),
          ${g.slaBusinessDays}, ${g.waivableBy}, ${g.escalateTo})
        on conflict (run_id, draft_version, gate) do nothing`
    }
    await recordClaims(tx, { runId, version, claims })
    return (await planOf(tx)).map((r) => String(r.id))
  })
}
