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
