// Classification + gate planning + the personal-data scan of a realistic 20 KB brief, the work
// done for every brief and every draft (issue 15 target: 20 ms p95 on one core). The text is
// real business prose written outside the team (../shared/data/eval-dev/pii: transcripts,
// e-mails, CRM notes, ad copy), RU and EN interleaved, cut to 20 KB. Printed by npm run bench.
import fs from 'node:fs'
import path from 'node:path'
import { classify } from '../server/policy/classify'
import { POLICIES_DIR } from '../server/policy/cli'
import { loadPolicy } from '../server/policy/load'
import { gatesFor } from '../server/policy/plan'
import { Redactor } from '../server/policy/pii-guard'
import { fmt, summarize, timeEach } from './stats'

const DOCS = path.join(import.meta.dirname, '..', '..', 'shared', 'data', 'eval-dev', 'pii')

/** RU and EN documents interleaved up to `bytes` (UTF-8). */
export function mixedBrief(bytes = 20_000): string | null {
  if (!fs.existsSync(DOCS)) return null
  const files = fs
    .readdirSync(DOCS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
  const ru = files.filter((f) => Number(f.slice(3, 5)) <= 22)
  const en = files.filter((f) => Number(f.slice(3, 5)) > 22)
  let out = ''
  for (let i = 0; Buffer.byteLength(out) < bytes && i < Math.max(ru.length, en.length); i++) {
    for (const f of [ru[i], en[i]]) if (f) out += `${fs.readFileSync(path.join(DOCS, f), 'utf8')}\n\n`
  }
  while (Buffer.byteLength(out) > bytes) out = out.slice(0, out.length - 100)
  return out
}

export async function benchClassify(): Promise<{ what: string; n: number; p50: number; p95: number; value?: string }[]> {
  const policy = loadPolicy(POLICIES_DIR)
  const text = mixedBrief()
  if (!text)
    return [{ what: 'classify + plan + personal-data scan: SKIPPED (../shared/data/eval-dev/pii not found)', n: 0, p50: NaN, p95: NaN }]
  let hits = 0
  // each round is a new text to the scanner's one-text cache, as every brief is
  const times = await timeEach(300, async (i) => {
    const t = `${text.slice(0, -8)}${String(i).padStart(8, '0')}`
    const c = classify(policy, t, { channel: 'landing', kind: 'offer' })
    hits = c.risks.length
    gatesFor(policy, c.categories)
    Redactor.forPolicy(policy).redact(t)
  })
  const s = summarize(times.slice(20)) // after warm-up (JIT, stem cache)
  return [
    {
      what: `classify + plan + personal-data scan, 20 KB RU/EN brief (${hits} hits)`,
      ...s,
      value: `${fmt(20 / (s.p50 / 1000) / 1000)} MB/s`,
    },
  ]
}
