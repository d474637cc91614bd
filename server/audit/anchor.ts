import fs from 'node:fs'
import { z } from 'zod'
import type { Sql } from '../db/connect'
import { selectAuditHash } from './queries'
import { verifyAudit } from './verify'

/**
 * A point of the audit chain kept outside the database: the head row's number and hash. The
 * chain alone cannot show rows cut from its end, nor a chain recomputed from scratch by someone
 * with the database's keys; an anchor the CMO holds can. One JSON line per anchor, appended.
 */
export const Anchor = z.object({
  kind: z.literal('copydesk-audit-anchor'),
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  takenAt: z.string(),
})
export type Anchor = z.infer<typeof Anchor>

/** The head of an intact chain as an anchor; refuses to anchor a broken chain. */
export async function takeAnchor(sql: Sql, now = new Date()): Promise<Anchor> {
  const result = await verifyAudit(sql)
  if (!result.ok) throw new Error(`the audit log is broken at row ${result.badSeq} (${result.reason}): not anchoring it`)
  return { kind: 'copydesk-audit-anchor', seq: result.rows, hash: result.head, takenAt: now.toISOString() }
}

/** Every anchor of a file of anchors (JSON Lines), naming the line of a bad one. */
export function readAnchors(file: string): Anchor[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, n }) => {
      let json: unknown
      try {
        json = JSON.parse(line)
      } catch {
        throw new Error(`${file}:${n}: not JSON`)
      }
      const parsed = Anchor.safeParse(json)
      if (!parsed.success)
        throw new Error(`${file}:${n}: not an audit anchor (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`)
      return parsed.data
    })
}

/** The first anchor the log no longer matches, and why; null when it matches them all. */
export async function checkAnchors(sql: Sql, anchors: Anchor[]): Promise<{ anchor: Anchor; reason: string } | null> {
  for (const anchor of anchors) {
    if (anchor.seq === 0) continue
    const hash = await selectAuditHash(sql, anchor.seq)
    if (hash === undefined)
      return { anchor, reason: `row ${anchor.seq}, anchored at ${anchor.takenAt}, is gone: rows were cut from the log` }
    if (hash !== anchor.hash)
      return { anchor, reason: `row ${anchor.seq} no longer has the hash anchored at ${anchor.takenAt}: the log was rewritten up to it` }
  }
  return null
}
