// `copydesk audit verify [--anchor FILE]` and `copydesk audit anchor [--out FILE]`.
import fs from 'node:fs'
import type { Sql } from '../db/connect'
import { checkAnchors, readAnchors, takeAnchor, type Anchor } from './anchor'
import { crossCheckAudit } from './cross-check'
import { verifyAudit } from './verify'

type Out = { out: (s: string) => void; err: (s: string) => void }

export async function auditVerify(sql: Sql, anchorFile: string | undefined, io: Out): Promise<number> {
  let anchors: Anchor[] = []
  try {
    if (anchorFile) anchors = readAnchors(anchorFile)
  } catch (err) {
    io.err(
      `copydesk audit verify: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? `${anchorFile}: no such file` : (err as Error).message}`,
    )
    return 2
  }
  const result = await verifyAudit(sql)
  if (!result.ok) {
    io.err(`audit log broken at row ${result.badSeq}: ${result.reason} (${result.rows} rows before it are intact)`)
    return 1
  }
  const mismatch = await checkAnchors(sql, anchors)
  if (mismatch) {
    io.err(`audit log does not match its anchor: ${mismatch.reason}`)
    return 1
  }
  const mismatches = await crossCheckAudit(sql)
  if (mismatches.length) {
    for (const m of mismatches) io.err(`audit log and data disagree: ${m.kind} ${m.id}: ${m.detail}`)
    return 1
  }
  if (result.rows === 0) {
    // Not "intact": without an anchor an emptied log cannot be told from a new one.
    io.out('audit log empty: no rows to verify (and no other data that should have been logged)')
    return 0
  }
  io.out(`audit log intact: ${result.rows} rows, head ${result.head}${anchors.length ? `; matches ${anchors.length} anchor(s)` : ''}`)
  return 0
}

export async function auditAnchor(sql: Sql, out: string | undefined, io: Out): Promise<number> {
  let anchor: Anchor
  try {
    anchor = await takeAnchor(sql)
  } catch (err) {
    io.err(`copydesk audit anchor: ${(err as Error).message}`)
    return 1
  }
  const line = JSON.stringify(anchor)
  if (out) {
    fs.appendFileSync(out, `${line}\n`)
    io.out(`anchored row ${anchor.seq} (${anchor.hash}) in ${out}`)
  } else io.out(line)
  return 0
}
