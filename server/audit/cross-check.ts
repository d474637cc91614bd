import type { Sql } from '../db/connect'
import { selectAuditMismatches } from './queries'

/**
 * The chain proves the log was not edited; it cannot prove the other tables agree with it. These
 * checks hold the gates, their decisions, approvals and the log against each other, so a change
 * made beside the app (by someone holding the owner's keys, who can lift the guards) shows:
 * - a gate decided without its gate_decisions row, or with a different decider or decision;
 * - a gate decision with no audit row (`gate.decision` / `gate.waived` naming the gate);
 * - an approved run with no `run.approved` audit row, or with a final text that is not its draft's;
 * - an empty log in a database that holds users or runs (the log was emptied, not new).
 */
export type Mismatch = { kind: string; id: string; detail: string }

const LIMIT = 20

export async function crossCheckAudit(sql: Sql): Promise<Mismatch[]> {
  return selectAuditMismatches(sql, LIMIT)
}
