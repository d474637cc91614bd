import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
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
