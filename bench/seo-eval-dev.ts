// SEO clustering on the outside development set (../shared/data/eval-dev/seo): RU and EN keyword
// exports with realistic result pages (aggregators, Q&A, video and marketplaces across topics),
// gold clusters written independently. Prints the adjusted Rand index and pairwise F1 of every
// mode and threshold, each language separately. `npx tsx bench/seo-eval-dev.ts`
import fs from 'node:fs'
import path from 'node:path'
import Papa from 'papaparse'
import { clusterKeywords, type ClusterMode, DEFAULT_THRESHOLD, defaultMode } from '../server/seo/cluster'
import { importText } from '../server/seo/import'
import { ROOT } from '../server/paths'
import { adjustedRandIndex, pairwiseF1 } from '../test/helpers/seo-fixtures'

const DIR = path.join(ROOT, '..', 'shared', 'data', 'eval-dev', 'seo')

type Scored = { mode: ClusterMode; threshold: number; ari: number; f1: number; clusters: number; unclustered: number; ms: number }

/** Every keyword's predicted cluster: its cluster's index, or a label of its own when unclustered. */
function score(lang: 'ru' | 'en', withUrls: boolean, mode: ClusterMode | undefined, threshold?: number): Scored {
  const text = fs.readFileSync(path.join(DIR, withUrls ? `${lang}.csv` : `${lang}_nourl.csv`), 'utf8')
  const truth = Papa.parse<string[]>(fs.readFileSync(path.join(DIR, `${lang}_truth.csv`), 'utf8').trim(), {
    skipEmptyLines: true,
  }).data.slice(1)
  const gold = new Map(truth.map(([k, c]) => [k!.toLowerCase(), c!]))
  const { rows } = importText(text)
  const t0 = performance.now()
  const c = clusterKeywords(rows, { mode, threshold })
  const ms = performance.now() - t0
  const predicted = new Map<string, string>()
  c.clusters.forEach((cl, i) => cl.keywords.forEach((k) => predicted.set(k.toLowerCase(), `c${i}`)))
  c.unclustered.forEach((k) => predicted.set(k.toLowerCase(), `u:${k}`))
  const keys = [...gold.keys()].filter((k) => predicted.has(k))
  if (keys.length !== gold.size) throw new Error(`${lang}: ${gold.size - keys.length} gold keywords not in the clustering`)
  const g = keys.map((k) => gold.get(k)!)
  const p = keys.map((k) => predicted.get(k)!)
  return {
    mode: c.mode,
    threshold: c.threshold,
    ari: adjustedRandIndex(g, p),
    f1: pairwiseF1(g, p).f1,
    clusters: c.clusters.length,
    unclustered: c.unclustered.length,
    ms,
  }
}

const line = (lang: string, s: Scored, note = '') =>
  `  ${lang}  ${s.mode.padEnd(13)} threshold ${String(s.threshold).padEnd(4)}  ARI ${s.ari.toFixed(3)}  F1 ${s.f1.toFixed(3)}  clusters ${String(s.clusters).padStart(3)}  unclustered ${String(s.unclustered).padStart(3)}  ${s.ms.toFixed(0)} ms${note}`

export function benchSeoEvalDev(out: (s: string) => void = console.log): void {
  if (!fs.existsSync(DIR)) {
    out(`SEO eval-dev: skipped, ${DIR} not found`)
    return
  }
  out('SEO clustering on eval-dev (outside the team; gold clusters by keyword)')
  for (const lang of ['ru', 'en'] as const) {
    const rows = importText(fs.readFileSync(path.join(DIR, `${lang}.csv`), 'utf8')).rows
    const def = score(lang, true, undefined)
    out(line(lang, def, `  <- the default (${defaultMode(rows)}, ${DEFAULT_THRESHOLD[defaultMode(rows)]})`))
    for (const threshold of [0.08, 0.1, 0.12, 0.15]) out(line(lang, score(lang, true, 'serp-weighted', threshold)))
    for (const mode of ['serp-soft', 'serp-moderate', 'serp-hard'] as const)
      for (const threshold of [2, 3, 4, 5]) out(line(lang, score(lang, true, mode, threshold)))
    for (const threshold of [0.2, 0.3, 0.4]) out(line(lang, score(lang, false, 'lexical', threshold), '  (no URLs)'))
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchSeoEvalDev()
