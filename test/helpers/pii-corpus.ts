import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { FULL_NAME_DETECTORS, scanPii } from '../../server/pii/scan'
import { PII_TYPES } from '../../server/pii/types'

const Doc = z.object({
  id: z.string(),
  lang: z.enum(['ru', 'en']),
  genre: z.enum(['interview', 'crm', 'email', 'support', 'chat', 'ad']),
  text: z.string(),
  entities: z.array(z.object({ type: z.enum(PII_TYPES), start: z.number().int(), end: z.number().int(), text: z.string() })),
})
export type PiiDoc = z.infer<typeof Doc>

export const PII_CORPUS = path.join(import.meta.dirname, '..', 'fixtures', 'pii', 'corpus.json')

export function loadPiiCorpus(file = PII_CORPUS): PiiDoc[] {
  return z.array(Doc).parse(JSON.parse(fs.readFileSync(file, 'utf8')))
}

/**
 * Half the corpus is for development (its errors may be looked at while improving the detectors),
 * the other half is held out and only ever reported. Fixed by a hash of the document id.
 */
export function splitOf(id: string): 'dev' | 'heldout' {
  return createHash('sha256').update(id).digest()[0]! % 2 === 0 ? 'dev' : 'heldout'
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end

export type Counts = { tp: number; fp: number; fn: number; exact: number }

/**
 * Per type: a finding counts when its type matches and it overlaps the labelled span. The corpus
 * labels full names only (its guideline predates single names in context), so it scores the
 * full-name detectors; single names are scored on eval-dev and the blind set (bench/pii-eval-dev.ts).
 */
export function piiQuality(docs: PiiDoc[]) {
  const perType = new Map<string, Counts>(PII_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0, exact: 0 }]))
  let clean = 0
  let cleanTouched = 0
  for (const doc of docs) {
    const found = scanPii(doc.text, FULL_NAME_DETECTORS)
    for (const e of doc.entities) {
      const k = perType.get(e.type)!
      k[found.some((f) => f.type === e.type && overlaps(f, e)) ? 'tp' : 'fn']++
      if (found.some((f) => f.type === e.type && f.start === e.start && f.end === e.end)) k.exact++
    }
    for (const f of found) if (!doc.entities.some((e) => e.type === f.type && overlaps(f, e))) perType.get(f.type)!.fp++
    if (doc.entities.length === 0) {
      clean++
      if (found.length) cleanTouched++
    }
  }
  return { perType, clean, cleanTouched, entities: docs.reduce((n, d) => n + d.entities.length, 0) }
}
