// An outside check of the personal-data scanner: Microsoft presidio-research's synthetic English
// set (1,500 sentences, MIT, ../shared/data/pii-en-presidio; Faker-generated names and addresses
// from many countries). Its misses were read to find general gaps (a phone in any local spelling
// after "Phone:"; a name after an inline "name?" question), never to fit its strings.
// Types without a counterpart here (organisations, places, dates, ages…) are not scored.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { scanPii } from '../server/pii/scan'
import { ROOT } from '../server/paths'

export const PRESIDIO = path.join(ROOT, '..', 'shared', 'data', 'pii-en-presidio', 'presidio_research_synth_dataset_v2.json')
const MAP: Record<string, string> = {
  PERSON: 'PERSON',
  STREET_ADDRESS: 'ADDRESS',
  CREDIT_CARD: 'CARD',
  PHONE_NUMBER: 'PHONE',
  EMAIL_ADDRESS: 'EMAIL',
  IBAN_CODE: 'IBAN',
  IP_ADDRESS: 'IP',
}
type Sample = { full_text: string; spans: { entity_type: string; start_position: number; end_position: number }[] }

const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-')

export function printPresidioQuality(file = PRESIDIO) {
  if (!fs.existsSync(file)) {
    console.log(`## presidio-research set not found at ${file}: skipped`)
    return
  }
  const samples = JSON.parse(fs.readFileSync(file, 'utf8')) as Sample[]
  const k = new Map(Object.values(MAP).map((t) => [t, { tp: 0, fp: 0, fn: 0 }]))
  // presidio labels a lone given name or surname as a person; our guidelines do not (not identifying)
  const fullNames = { tp: 0, fn: 0 }
  for (const s of samples) {
    const gold = s.spans
      .filter((g) => MAP[g.entity_type])
      .map((g) => ({ type: MAP[g.entity_type]!, start: g.start_position, end: g.end_position }))
    const found = scanPii(s.full_text).filter((f) => k.has(f.type))
    const hit = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end
    for (const g of gold) {
      const ok = found.some((f) => f.type === g.type && hit(f, g))
      k.get(g.type)![ok ? 'tp' : 'fn']++
      if (g.type === 'PERSON' && /\S\s+\S/.test(s.full_text.slice(g.start, g.end))) fullNames[ok ? 'tp' : 'fn']++
    }
    // a finding inside an unscored span (an organisation, a place) is not held against us
    const unscored = s.spans.filter((g) => !MAP[g.entity_type]).map((g) => ({ start: g.start_position, end: g.end_position }))
    for (const f of found) {
      if (gold.some((g) => g.type === f.type && hit(f, g))) continue
      if (!unscored.some((u) => hit(f, u))) k.get(f.type)!.fp++
    }
  }
  console.log(`## personal-data scanner on presidio-research synth_dataset_v2 (${samples.length} English sentences, outside data)`)
  console.log('| type | labelled | precision | recall |')
  console.log('|---|---:|---:|---:|')
  for (const [type, c] of k) console.log(`| ${type} | ${c.tp + c.fn} | ${pct(c.tp / (c.tp + c.fp))} | ${pct(c.tp / (c.tp + c.fn))} |`)
  console.log(`| PERSON of two or more words | ${fullNames.tp + fullNames.fn} | | ${pct(fullNames.tp / (fullNames.tp + fullNames.fn))} |`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printPresidioQuality()
