// Precision and recall per type of the personal-data scanner on the labelled corpus
// (test/fixtures/pii/corpus.json, labelled blind). A finding counts when it has the labelled
// type and overlaps the labelled span. Printed by `npm run bench`, or `npx tsx bench/pii-quality.ts`.
import { pathToFileURL } from 'node:url'
import { PII_TYPES } from '../server/pii/types'
import { loadPiiCorpus, piiQuality, splitOf, type Counts } from '../test/helpers/pii-corpus'

const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-')

const row = (c: Counts) => `${c.tp + c.fn} | ${pct(c.tp / (c.tp + c.fp))} | ${pct(c.tp / (c.tp + c.fn))} | ${pct(c.exact / (c.tp + c.fn))}`

export function printPiiQuality() {
  const docs = loadPiiCorpus()
  const dev = piiQuality(docs.filter((d) => splitOf(d.id) === 'dev'))
  const held = piiQuality(docs.filter((d) => splitOf(d.id) === 'heldout'))
  console.log(
    `## personal-data scanner on the labelled corpus (${docs.length} documents; development half ${dev.entities} entities, held-out half ${held.entities})`,
  )
  console.log('A finding counts when its type matches and it overlaps the labelled span; "exact" also needs the same start and end.')
  console.log(
    '| type | dev n | dev precision | dev recall | dev exact | held-out n | held-out precision | held-out recall | held-out exact |',
  )
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const type of PII_TYPES) {
    const a = dev.perType.get(type)!
    const b = held.perType.get(type)!
    console.log(`| ${type} | ${row(a)} | ${row(b)} |`)
  }
  const all = (r: typeof dev) =>
    [...r.perType.values()].reduce((x, c) => ({ tp: x.tp + c.tp, fp: x.fp + c.fp, fn: x.fn + c.fn, exact: x.exact + c.exact }))
  console.log(`| all | ${row(all(dev))} | ${row(all(held))} |`)
  console.log(
    `\ntexts with no personal data that got a finding: dev ${dev.cleanTouched} of ${dev.clean}, held-out ${held.cleanTouched} of ${held.clean}`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printPiiQuality()
