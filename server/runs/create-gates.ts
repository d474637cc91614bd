import { selectBrief } from '../briefs/queries'
import { refuse } from '../refusals'
import { briefParameters, extractClaims, needsFactCheckWithoutClaims } from '../policy/claims'
import { planGates } from '../policy/plan'
import type { RiskCategory } from '../policy/schema'
import { policyByVersion } from '../policy/store'
import type { Sql } from '../db/connect'
import type { Policy } from '../policy/load'
import { classifyBrief } from '../briefs/classify'
import { givenProofs } from '../drafting/kinds'
import { selectDrafts, selectRun } from './queries'
import { insertGate, selectGateIds } from '../gates/queries'
import { recordClaims } from '../gates/record-claims'
import { carryAssignments } from '../gates/carry-assignments'

/**
 * Plans the gates of one draft version from the risk categories of the brief and of the draft,
 * by the policy the run started with, and records the claims the fact-check owner must verify
 * (those verified on an earlier draft with the same statement keep their check: record-claims.ts);
 * a review claimed on the version before stays with whoever had it (carry-assignments.ts).
 * Idempotent (a re-run after a crash finds the rows it made); returns the gate ids in order.
 */
export async function createGates(
  deps: { sql: Sql; policy: Policy },
  { runId, version }: { runId: string; version: number },
): Promise<string[]> {
  // A re-run after a crash finds the plan it made: the database refuses a second plan once
  // review of the version has started, so never try.
  const made = await selectGateIds(deps.sql, { runId, version })
  if (made.length > 0) return made
  // Reads and classification stay outside the transaction: a long brief is classified in the
  // compute pool for seconds, and the embedded database has one connection for everyone.
  const run = await selectRun(deps.sql, runId)
  if (!run) throw refuse('not_found.run')
  const brief = await selectBrief(deps.sql, run.brief_id)
  if (!brief) throw refuse('not_found.brief')
  const [draft] = await selectDrafts(deps.sql, runId, version)
  if (!draft) throw refuse('not_found.draft', { version })
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
    const again = await selectGateIds(tx, { runId, version }) // a second worker that got here first
    if (again.length > 0) return again
    for (const [position, gate] of planned.entries()) await insertGate(tx, { runId, version, position, gate })
    await carryAssignments(tx, { runId, version })
    await recordClaims(tx, { runId, version, claims })
    return selectGateIds(tx, { runId, version })
  })
}
