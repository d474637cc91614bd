// The personal-data scanner on ../shared/data/eval-dev/pii: 40 RU/EN business documents written
// and labelled outside the team (guideline in that folder's README). Scored as it suggests: a
// finding matches a gold entity of the same type when their spans overlap with IoU >= 0.5; recall
// per type, PERSON apart from the structured identifiers, precision overall, and findings in the
// six clean ad-copy documents (target: none). `to_model` counts every finding (company contacts
// too: nothing of them may reach a model); `in_copy` is what gates published copy: the policy's
// personal_data rules (an identified private person, private contacts and identifiers).
// Printed by `npm run bench`, or alone: `npx tsx bench/pii-eval-dev.ts [--verbose]`.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { classify } from '../server/policy/classify'
import { POLICIES_DIR } from '../server/policy/cli'
import { loadPolicy } from '../server/policy/load'
import { scanPii } from '../server/pii/scan'
import { fmt } from './stats'

export const EVAL_DEV_PII = path.join(import.meta.dirname, '..', '..', 'shared', 'data', 'eval-dev', 'pii')
/** Written by a helper session that never saw the scanner's code or eval-dev's documents. */
export const BLIND_PII = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'pii-blind')
const Labels = z.array(
  z.object({
    file: z.string(),
    lang: z.enum(['ru', 'en']),
    entities: z.array(z.object({ type: z.string(), start: z.number(), end: z.number(), text: z.string() })),
  }),
)
const STRUCTURED = new Set(['EMAIL', 'PHONE', 'INN', 'OGRN', 'SNILS', 'PASSPORT_RU', 'CARD', 'IBAN', 'IP', 'DATE_OF_BIRTH'])
// the guideline labels OGRNIP as OGRN
const typeOf = (t: string) => (t === 'OGRNIP' ? 'OGRN' : t)

type Span = { type: string; start: number; end: number; text?: string }
export type PiiDoc = { file: string; lang: 'ru' | 'en'; text: string; gold: Span[] }

export function loadPiiEvalDev(dir = EVAL_DEV_PII): PiiDoc[] | null {
  const labels = path.join(dir, 'labels.json')
  if (!fs.existsSync(labels)) return null
  return Labels.parse(JSON.parse(fs.readFileSync(labels, 'utf8'))).map((d) => ({
    file: d.file,
    lang: d.lang,
    text: fs.readFileSync(path.join(dir, d.file), 'utf8'),
    gold: d.entities,
  }))
}

const iou = (a: Span, b: Span) => {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  return inter <= 0 ? 0 : inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start))
}

export type PiiScore = {
  perType: Map<string, { gold: number; found: number }>
  findings: number
  correct: number
  cleanFindings: number
  missed: { file: string; type: string; text: string }[]
  spurious: { file: string; type: string; text: string }[]
}

/** One-to-one matching by IoU >= 0.5 and type. `gold` filters which labels count (in_copy). */
export function scorePii(docs: PiiDoc[], find: (d: PiiDoc) => Span[], countGold: (s: Span) => boolean = () => true): PiiScore {
  const r: PiiScore = { perType: new Map(), findings: 0, correct: 0, cleanFindings: 0, missed: [], spurious: [] }
  for (const d of docs) {
    const found = find(d).map((f) => ({ ...f, type: typeOf(f.type) }))
    const gold = d.gold.filter(countGold)
    const used = new Set<number>()
    if (d.gold.length === 0) r.cleanFindings += found.length // the clean ad copy: no entity at all
    for (const g of gold) {
      const k = r.perType.get(g.type) ?? { gold: 0, found: 0 }
      k.gold++
      const i = found.findIndex((f, j) => !used.has(j) && f.type === g.type && iou(f, g) >= 0.5)
      if (i >= 0) {
        used.add(i)
        k.found++
      } else r.missed.push({ file: d.file, type: g.type, text: g.text ?? d.text.slice(g.start, g.end) })
      r.perType.set(g.type, k)
    }
    r.findings += found.length
    r.correct += used.size
    found.forEach((f, j) => {
      if (!used.has(j)) r.spurious.push({ file: d.file, type: f.type, text: d.text.slice(f.start, f.end) })
    })
  }
  return r
}

const ratio = (a: number, b: number) => (b === 0 ? '-' : (a / b).toFixed(3))
const sum = (r: PiiScore, pick: (t: string) => boolean) =>
  [...r.perType].filter(([t]) => pick(t)).reduce((a, [, k]) => ({ gold: a.gold + k.gold, found: a.found + k.found }), { gold: 0, found: 0 })

const SETS = {
  'eval-dev': { dir: EVAL_DEV_PII, title: 'documents written outside the team; ../shared/data/eval-dev/pii' },
  blind: { dir: BLIND_PII, title: 'documents written blind to the scanner by a helper session; test/fixtures/pii-blind' },
}

export function printPiiEvalDev(verbose = false, set: keyof typeof SETS = 'eval-dev') {
  const { dir, title } = SETS[set]
  const docs = loadPiiEvalDev(dir)
  if (!docs) {
    console.log(`## personal data on ${set}: SKIPPED (${dir} not found)`)
    return
  }
  const policy = loadPolicy(POLICIES_DIR)
  const toModel = scorePii(docs, (d) => scanPii(d.text))
  // in_copy: the personal_data gate's findings, against the labels that are a person's own data
  const inCopy = scorePii(
    docs,
    (d) =>
      classify(policy, d.text, { channel: 'landing', lang: d.lang, only: ['personal_data'] })
        .risks.filter((h) => h.end > h.start)
        .map((h) => ({ type: h.piiType ?? 'PERSON', start: h.start, end: h.end })),
    (g) =>
      g.type !== 'ADDRESS' && g.type !== 'EMAIL' && g.type !== 'PHONE'
        ? true
        : !/^(info|support|sales|hello|claims|office|team|press|contact|help|orders?)@|8[\s-]?800|0800/i.test(g.text ?? ''),
  )
  const t0 = performance.now()
  let bytes = 0
  const corpus = docs.map((d) => d.text).join('\n\n')
  while (bytes < 16 * 1048576) {
    scanPii(`${corpus}\n${bytes}`)
    bytes += Buffer.byteLength(corpus)
  }
  const mbs = bytes / 1048576 / ((performance.now() - t0) / 1000)
  const clean = docs.filter((d) => d.gold.length === 0).length
  console.log(`## personal data on ${set} (${docs.length} ${title})`)
  console.log('A finding matches a gold entity of its type at IoU >= 0.5, one to one.')
  console.log('| type | gold | recall (to_model) |')
  console.log('|---|---:|---:|')
  for (const [t, k] of [...toModel.perType].sort((a, b) => b[1].gold - a[1].gold))
    console.log(`| ${t} | ${k.gold} | ${ratio(k.found, k.gold)} |`)
  const person = sum(toModel, (t) => t === 'PERSON')
  const ids = sum(toModel, (t) => STRUCTURED.has(t))
  console.log(
    `\nto_model: PERSON recall ${ratio(person.found, person.gold)} (${person.found}/${person.gold}); structured ids recall ${ratio(ids.found, ids.gold)} (${ids.found}/${ids.gold}); precision ${ratio(toModel.correct, toModel.findings)} (${toModel.correct}/${toModel.findings}); findings in the ${clean} clean ad texts: ${toModel.cleanFindings} (target 0)`,
  )
  console.log(
    `in_copy: precision ${ratio(inCopy.correct, inCopy.findings)} (${inCopy.correct}/${inCopy.findings}, target >= 0.95); findings in the ${clean} clean ad texts: ${inCopy.cleanFindings}`,
  )
  console.log(`speed: ${fmt(mbs)} MB/s over eval-dev's documents repeated to 16 MB (target >= 20)`)
  if (verbose) {
    console.log('\nmissed:', toModel.missed.map((m) => `${m.file}:${m.type}:${m.text}`).join(' | '))
    console.log('\nspurious:', toModel.spurious.map((m) => `${m.file}:${m.type}:${JSON.stringify(m.text)}`).join(' | '))
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printPiiEvalDev(process.argv.includes('--verbose'), 'eval-dev')
  console.log('')
  printPiiEvalDev(false, 'blind') // held out: totals only
}
