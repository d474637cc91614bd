// Quality of the default policy's rule-based classifier on a HELD-OUT set: 100 RU/EN texts
// labelled blind with their full category sets, never used to write or tune the rules (the
// tuning corpus is test/fixtures/policy-corpus.json). Printed by `npm run bench`, or alone:
// `npx tsx bench/policy-quality.ts`. `brand` is not labelled there, so it is not scored.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { classify } from '../server/policy/classify'
import { POLICIES_DIR } from '../server/policy/cli'
import { loadPolicy } from '../server/policy/load'
import { gatesFor } from '../server/policy/plan'
import { RISK_CATEGORIES, RiskCategory } from '../server/policy/schema'

const HOLDOUT = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'policy-holdout.json')
const Item = z.object({
  id: z.string(),
  lang: z.enum(['ru', 'en']),
  channel: z.string(),
  text: z.string(),
  categories: z.array(RiskCategory),
})
const SCORED = RISK_CATEGORIES.filter((c) => c !== 'brand')

type Counts = { tp: number; fp: number; fn: number }
const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b)
const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-')

export type QualityReport = {
  items: number
  perCategory: { category: string; support: number; precision: number; recall: number; f1: number }[]
  micro: { precision: number; recall: number }
  /** Of the gates the labels require (beyond release), the share the classifier also planned. */
  gateRecall: number
  /** Items whose planned gates miss a gate the labels require: the dangerous error. */
  underGated: string[]
  /** Items given a gate the labels do not require: extra reviewer work. */
  overGated: string[]
  exactGates: number
}

export function policyQuality(file = HOLDOUT): QualityReport {
  const items = z.array(Item).parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  const policy = loadPolicy(POLICIES_DIR)
  const counts = new Map<string, Counts>(SCORED.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]))
  let gatesNeeded = 0
  let gatesFound = 0
  let exactGates = 0
  const underGated: string[] = []
  const overGated: string[] = []

  for (const item of items) {
    const found = new Set(classify(policy, item.text, { channel: item.channel }).categories.filter((c) => c !== 'brand'))
    const expected = new Set(item.categories)
    for (const c of SCORED) {
      const k = counts.get(c)!
      if (expected.has(c) && found.has(c)) k.tp++
      else if (found.has(c)) k.fp++
      else if (expected.has(c)) k.fn++
    }
    const want = gatesFor(policy, [...expected]).filter((g) => g !== 'release')
    const got = new Set(gatesFor(policy, [...found]))
    gatesNeeded += want.length
    gatesFound += want.filter((g) => got.has(g)).length
    if (want.some((g) => !got.has(g))) underGated.push(item.id)
    if ([...got].some((g) => g !== 'release' && !want.includes(g))) overGated.push(item.id)
    if (want.length + 1 === got.size && want.every((g) => got.has(g))) exactGates++
  }

  const perCategory = SCORED.map((category) => {
    const { tp, fp, fn } = counts.get(category)!
    const precision = ratio(tp, tp + fp)
    const recall = ratio(tp, tp + fn)
    return { category, support: tp + fn, precision, recall, f1: ratio(2 * precision * recall, precision + recall) }
  })
  const sum = [...counts.values()].reduce((a, k) => ({ tp: a.tp + k.tp, fp: a.fp + k.fp, fn: a.fn + k.fn }), { tp: 0, fp: 0, fn: 0 })
  return {
    items: items.length,
    perCategory,
    micro: { precision: ratio(sum.tp, sum.tp + sum.fp), recall: ratio(sum.tp, sum.tp + sum.fn) },
    gateRecall: ratio(gatesFound, gatesNeeded),
    underGated,
    overGated,
    exactGates,
  }
}

export function printPolicyQuality(r: QualityReport = policyQuality()) {
  console.log(`## policy classifier on the held-out set (${r.items} texts, RU + EN)`)
  console.log('| category | support | precision | recall | F1 |')
  console.log('|---|---:|---:|---:|---:|')
  for (const c of r.perCategory) console.log(`| ${c.category} | ${c.support} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} |`)
  console.log(`| micro average | | ${pct(r.micro.precision)} | ${pct(r.micro.recall)} | |`)
  console.log(`\nrequired gates found: ${pct(r.gateRecall)}; exact gate set: ${r.exactGates}/${r.items}`)
  console.log(`under-gated (a required gate missing): ${r.underGated.length} ${r.underGated.join(' ')}`)
  console.log(`over-gated (an extra gate): ${r.overGated.length} ${r.overGated.join(' ')}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printPolicyQuality()
