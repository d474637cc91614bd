// Precision and recall per type of the personal-data scanner on the labelled corpus
// (test/fixtures/pii/corpus.json, labelled blind). A finding counts when it has the labelled
// type and overlaps the labelled span. Printed by `npm run bench`, or `npx tsx bench/pii-quality.ts`.
import { pathToFileURL } from 'node:url'
import { scanPii } from '../server/pii/scan'
import { PII_TYPES } from '../server/pii/types'
import { loadPiiCorpus } from '../test/helpers/pii-corpus'

const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-')

export function printPiiQuality() {
  const docs = loadPiiCorpus()
  const k = new Map<string, { tp: number; fp: number; fn: number }>(PII_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]))
  let cleanDocs = 0
  let cleanDocsWithFindings = 0
  for (const doc of docs) {
    const found = scanPii(doc.text)
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end
    for (const e of doc.entities) {
      if (found.some((f) => f.type === e.type && overlaps(f, e))) k.get(e.type)!.tp++
      else k.get(e.type)!.fn++
    }
    for (const f of found) if (!doc.entities.some((e) => e.type === f.type && overlaps(f, e))) k.get(f.type)!.fp++
    if (doc.entities.length === 0) {
      cleanDocs++
      if (found.length) cleanDocsWithFindings++
    }
  }
  console.log(`## personal-data scanner on the labelled corpus (${docs.length} documents, ${docs.reduce((n, d) => n + d.entities.length, 0)} entities)`)
  console.log('| type | labelled | precision | recall |')
  console.log('|---|---:|---:|---:|')
  for (const [type, c] of k) console.log(`| ${type} | ${c.tp + c.fn} | ${pct(c.tp / (c.tp + c.fp))} | ${pct(c.tp / (c.tp + c.fn))} |`)
  console.log(`\ntexts with no personal data that got a finding: ${cleanDocsWithFindings} of ${cleanDocs}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printPiiQuality()
