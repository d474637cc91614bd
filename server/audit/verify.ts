import { createHash } from 'node:crypto'
import type { Sql } from '../db/connect'
import { type AuditChainRow, selectAuditChain } from './queries'

const GENESIS = '0'.repeat(64)
const BATCH = 5000

/** What is wrong with the first bad row: a row missing before it, a broken link to the row before, or changed content. */
export type ChainProblem = 'missing' | 'link' | 'content'
export type VerifyResult =
  | { ok: true; rows: number; head: string }
  | { ok: false; rows: number; badSeq: number; problem: ChainProblem; reason: string }

/** The same formula as the audit_log_chain trigger, computed here independently of the DB. */
export function rowHash(r: AuditChainRow): string {
  const input = [r.prev_hash, r.seq, r.at_us, r.actor_id ?? '', r.action, r.run_id ?? '', r.data_text].join('|')
  return createHash('sha256').update(input, 'utf8').digest('hex')
}

/**
 * Walks the whole chain in seq order. Detects a changed row (hash mismatch), a deleted row
 * (gap in seq or broken link) and reordered rows (broken link).
 */
export async function verifyAudit(sql: Sql): Promise<VerifyResult> {
  let expectedSeq = 1
  let prev = GENESIS
  let rows = 0
  for (;;) {
    const batch = await selectAuditChain(sql, expectedSeq, BATCH)
    if (batch.length === 0) break
    for (const r of batch) {
      const bad = (problem: ChainProblem, reason: string): VerifyResult => ({ ok: false, rows, badSeq: r.seq, problem, reason })
      if (r.seq !== expectedSeq) return bad('missing', `row ${expectedSeq} is missing (next row is ${r.seq})`)
      if (r.prev_hash !== prev) return bad('link', 'its prev_hash does not match the hash of the row before it')
      if (rowHash(r) !== r.hash) return bad('content', 'its content does not match its hash (the row was changed)')
      prev = r.hash
      expectedSeq++
      rows++
    }
  }
  return { ok: true, rows, head: prev }
}
