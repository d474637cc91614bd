import type { GateName } from '../../contracts/runs'
import type { Tx } from '../db/connect'
import { refuse } from '../refusals'
import { policyByVersion } from '../policy/store'
import type { RunRow } from './queries'
import { type GateRow, selectDraftMissing } from '../gates/queries'

/**
 * Where missing wording blocks a pass when the run has no recorded policy: the schema's default,
 * as the database's check (009_claims_carry.sql) has it.
 */
const DEFAULT_BLOCKS: readonly GateName[] = ['legal_review', 'release']

/**
 * A pass of `gate` while its draft lacks mandatory wording (drafts.missing: a contraindication
 * warning, the ad marking), at a gate the run's policy lists in `missing_wording.blocks_pass_at`:
 * refused (409, naming the wording) unless the reviewer gives a reason; then the requirements
 * waived and the reason, for the decision row and the audit row. Null: nothing to waive.
 */
export async function missingWordingWaiver(tx: Tx, { run, gate, reason }: { run: RunRow; gate: GateRow; reason: string | undefined }) {
  const blocks = run.policy_version ? (await policyByVersion(tx, run.policy_version)).file.missing_wording.blocks_pass_at : DEFAULT_BLOCKS
  if (!blocks.includes(gate.gate)) return null
  const missing = await selectDraftMissing(tx, { runId: run.id, version: gate.draft_version })
  if (missing.length === 0) return null
  if (!reason) {
    const list = missing.map((m) => `«${m.wording}» (${m.requirement})`).join(', ')
    throw refuse(
      'gate.missing_wording',
      { list },
      missing.map((m) => ({ path: 'waiveMissing', message: `${m.requirement}: ${m.wording}` })),
    )
  }
  return { requirements: [...new Set(missing.map((m) => m.requirement))], reason }
}
