// Policy routing on ../shared/data/eval-dev/policy/cases.jsonl: 60 RU/EN cases written and
// labelled outside this team (guideline in that folder's README). Scored as the guideline
// suggests: missed must_risks, missed must_gates (legal_review apart), reported must_not_risks,
// planned must_not_gates. Printed by `npm run bench`, or alone: `npx tsx bench/policy-eval-dev.ts`.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { classify } from '../server/policy/classify'
import { POLICIES_DIR } from '../server/policy/cli'
import { loadPolicy } from '../server/policy/load'
import { gatesFor } from '../server/policy/plan'
import { RiskCategory } from '../server/policy/schema'
import { GateName } from '../contracts/runs'

export const EVAL_DEV_POLICY = path.join(import.meta.dirname, '..', '..', 'shared', 'data', 'eval-dev', 'policy', 'cases.jsonl')
/** Written by a helper session that saw the guideline only, never these rules or the eval-dev cases. */
export const BLIND_POLICY = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'policy-blind.jsonl')
/** The held-out set: written blind last, measured, never read or tuned on. */
export const BLIND4_POLICY = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'policy-blind-4.jsonl')
/** A third blind set (first measured held out, then used to generalise the rules). */
export const BLIND3_POLICY = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'policy-blind-3.jsonl')
/** A second blind set, written after the rules were tuned on the first (first measured before any change). */
export const BLIND2_POLICY = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'policy-blind-2.jsonl')

const Case = z.object({
  id: z.string(),
  lang: z.enum(['ru', 'en']),
  channel: z.string(),
  text: z.string(),
  must_risks: z.array(RiskCategory),
  must_not_risks: z.array(RiskCategory).default([]),
  must_gates: z.array(GateName),
  must_not_gates: z.array(GateName).default([]),
})
type Case = z.infer<typeof Case>

export type EvalDevReport = {
  cases: number
  mustRisks: number
  missedRisks: { id: string; category: string }[]
  mustGates: number
  missedGates: { id: string; gate: string }[]
  needLegal: number
  missedLegal: string[]
  mustNotRisks: number
  falseRisks: { id: string; category: string }[]
  falseHighRisk: { id: string; category: string }[]
  mustNotGates: number
  extraGates: { id: string; gate: string }[]
}

const HIGH_RISK = new Set(['legal_promise', 'finance', 'medicine', 'supplements', 'safety', 'superlative', 'personal_data', 'ad_labeling'])

export function loadEvalDev(file = EVAL_DEV_POLICY): Case[] | null {
  if (!fs.existsSync(file)) return null
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => Case.parse(JSON.parse(l)))
}

export function evalDevPolicy(cases: Case[], decide: (c: Case) => { categories: string[]; gates: string[] }): EvalDevReport {
  const r: EvalDevReport = {
    cases: cases.length,
    mustRisks: 0,
    missedRisks: [],
    mustGates: 0,
    missedGates: [],
    needLegal: 0,
    missedLegal: [],
    mustNotRisks: 0,
    falseRisks: [],
    falseHighRisk: [],
    mustNotGates: 0,
    extraGates: [],
  }
  for (const c of cases) {
    const got = decide(c)
    const cats = new Set(got.categories)
    const gates = new Set(got.gates)
    for (const k of c.must_risks) {
      r.mustRisks++
      if (!cats.has(k)) r.missedRisks.push({ id: c.id, category: k })
    }
    for (const g of c.must_gates) {
      r.mustGates++
      if (!gates.has(g)) r.missedGates.push({ id: c.id, gate: g })
    }
    if (c.must_gates.includes('legal_review')) {
      r.needLegal++
      if (!gates.has('legal_review')) r.missedLegal.push(c.id)
    }
    for (const k of c.must_not_risks) {
      r.mustNotRisks++
      if (cats.has(k)) {
        r.falseRisks.push({ id: c.id, category: k })
        if (HIGH_RISK.has(k)) r.falseHighRisk.push({ id: c.id, category: k })
      }
    }
    for (const g of c.must_not_gates) {
      r.mustNotGates++
      if (gates.has(g)) r.extraGates.push({ id: c.id, gate: g })
    }
  }
  return r
}

/** The rules alone, as the worker runs them on a draft of the case's channel. */
export function rulesDecide(policy = loadPolicy(POLICIES_DIR)) {
  return (c: Case) => {
    const { categories } = classify(policy, c.text, { channel: c.channel, lang: c.lang })
    return { categories, gates: gatesFor(policy, categories) }
  }
}

const share = (a: number, b: number) => (b === 0 ? '-' : `${a}/${b} (${((100 * a) / b).toFixed(1)}%)`)

const SETS = {
  'eval-dev': { file: EVAL_DEV_POLICY, title: 'cases written outside the team; ../shared/data/eval-dev/policy' },
  blind: {
    file: BLIND_POLICY,
    title: 'cases written blind to the rules by a helper session, then used to generalise them; test/fixtures/policy-blind.jsonl',
  },
  'blind-4': {
    file: BLIND4_POLICY,
    title: 'held-out cases written blind to the rules, never read or tuned on; test/fixtures/policy-blind-4.jsonl',
  },
  'blind-3': {
    file: BLIND3_POLICY,
    title: 'cases written blind to the rules, measured held out, then used to generalise them; test/fixtures/policy-blind-3.jsonl',
  },
  'blind-2': {
    file: BLIND2_POLICY,
    title: 'cases written blind to the rules after the first round, then used to generalise them; test/fixtures/policy-blind-2.jsonl',
  },
}

export function printEvalDev(verbose = false, set: keyof typeof SETS = 'eval-dev') {
  const { file, title } = SETS[set]
  const cases = loadEvalDev(file)
  if (!cases) {
    console.log(`## policy routing on ${set}: SKIPPED (${file} not found)`)
    return
  }
  const r = evalDevPolicy(cases, rulesDecide())
  console.log(`## policy routing on ${set} (${r.cases} ${title})`)
  console.log('| measure | result | target |')
  console.log('|---|---:|---:|')
  console.log(`| cases needing legal_review that miss it | ${share(r.missedLegal.length, r.needLegal)} | 0 |`)
  console.log(`| required gates missed | ${share(r.missedGates.length, r.mustGates)} | ≤ 5% |`)
  console.log(`| required risk categories missed | ${share(r.missedRisks.length, r.mustRisks)} | |`)
  console.log(`| false high-risk categories (of must-not) | ${share(r.falseHighRisk.length, r.mustNotRisks)} | ≤ 10% |`)
  console.log(`| gates planned on clean copy that must not have them | ${share(r.extraGates.length, r.mustNotGates)} | |`)
  if (verbose) {
    console.log('missed legal_review:', r.missedLegal.join(' '))
    console.log('missed risks:', r.missedRisks.map((m) => `${m.id}:${m.category}`).join(' '))
    console.log('missed gates:', r.missedGates.map((m) => `${m.id}:${m.gate}`).join(' '))
    console.log('false risks:', r.falseRisks.map((m) => `${m.id}:${m.category}`).join(' '))
    console.log('extra gates:', r.extraGates.map((m) => `${m.id}:${m.gate}`).join(' '))
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const verbose = process.argv.includes('--verbose')
  for (const set of ['eval-dev', 'blind', 'blind-2', 'blind-3'] as const) {
    printEvalDev(verbose, set)
    console.log('')
  }
  // held out: numbers only, never the case ids (reading them would make it a tuning set)
  printEvalDev(false, 'blind-4')
}
