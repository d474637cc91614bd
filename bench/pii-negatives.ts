// Hard negatives from outside: English text with no personal data in it, where every finding is
// a false positive that would shred copy. Banking77's customer queries (CC BY 4.0) and the
// BIPIA task prompts (MIT; one of them holds an e-mail address on purpose), both in ../shared/data.
// Printed by `npm run bench`; not a test, since ../shared is not part of the repository.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import Papa from 'papaparse'
import { ROOT } from '../server/paths'
import { scanPii } from '../server/pii/scan'

const DATA = path.join(ROOT, '..', 'shared', 'data')

function texts(): { name: string; texts: string[] }[] {
  const out: { name: string; texts: string[] }[] = []
  const banking = path.join(DATA, 'intents-banking77', 'test.csv')
  if (fs.existsSync(banking)) {
    const rows = Papa.parse<{ text: string }>(fs.readFileSync(banking, 'utf8'), { header: true, skipEmptyLines: true }).data
    out.push({ name: 'Banking77 customer queries', texts: rows.map((r) => r.text) })
  }
  const bipia = ['bipia_text_attack_train.json', 'bipia_text_attack_test.json']
    .map((f) => path.join(DATA, 'prompt-injection', f))
    .filter((f) => fs.existsSync(f))
  if (bipia.length) {
    const groups = bipia.flatMap((f) => Object.values(JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, string[]>))
    out.push({ name: 'BIPIA task prompts', texts: groups.flat() })
  }
  return out
}

/** Findings per type on text that holds no personal data, with up to `show` examples. */
export function piiNegatives(show = 0) {
  return texts().map(({ name, texts }) => {
    const byType = new Map<string, number>()
    const examples: string[] = []
    let touched = 0
    for (const t of texts) {
      const found = scanPii(t)
      if (found.length > 0) touched++
      for (const f of found) {
        byType.set(f.type, (byType.get(f.type) ?? 0) + 1)
        if (examples.length < show) examples.push(`${f.type} ${JSON.stringify(t.slice(f.start, f.end))} in ${JSON.stringify(t)}`)
      }
    }
    return { name, texts: texts.length, touched, byType, examples }
  })
}

export function printPiiNegatives() {
  const sets = piiNegatives()
  if (sets.length === 0) return console.log('## outside hard negatives not found in ../shared/data: skipped')
  console.log('## personal-data scanner on outside text without personal data (every finding is a false positive)')
  console.log('| set | texts | texts with a finding | findings by type |')
  console.log('|---|---:|---:|---|')
  for (const s of sets)
    console.log(`| ${s.name} | ${s.texts} | ${s.touched} | ${[...s.byType].map(([t, n]) => `${t} ${n}`).join(', ') || 'none'} |`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printPiiNegatives()
  for (const s of piiNegatives(40)) for (const e of s.examples) console.log(e)
}
