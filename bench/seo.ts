// SEO clustering at the sizes SEO specialists bring: 10,000 keywords with top-10 URLs, and
// 100,000 keywords without (lexical), built from the labelled fixtures by replicating each
// cluster into new ones (other modifiers, other result pages), so sizes grow and the structure stays.
import fs from 'node:fs'
import path from 'node:path'
import Papa from 'papaparse'
import { clusterKeywords, type ClusterMode, type KeywordRow } from '../server/seo/cluster'
import { ROOT } from '../server/paths'
import { adjustedRandIndex, loadSeoFixture, pairwiseF1 } from '../test/helpers/seo-fixtures'
import { fmt } from './stats'

const MODIFIERS = {
  ru: [
    'москва',
    'спб',
    'казань',
    'екатеринбург',
    'новосибирск',
    'отзывы',
    'недорого',
    'под ключ',
    'онлайн',
    'рядом',
    '2026',
    'акция',
    'официальный',
    'форум',
    'фото',
    'видео',
    'для дома',
    'для офиса',
    'для бизнеса',
    'своими руками',
  ],
  en: [
    'nyc',
    'london',
    'texas',
    'california',
    'uk',
    'reviews',
    'cheap',
    'online',
    'near me',
    '2026',
    'deals',
    'official',
    'reddit',
    'pictures',
    'video',
    'for home',
    'for office',
    'for business',
    'diy',
    'guide',
  ],
}

/** n keywords: replica r of every fixture keyword gets modifier r and its own copy of the result pages. */
export function syntheticKeywords(n: number, withUrls: boolean): KeywordRow[] {
  const base = [
    ...loadSeoFixture('ru').map((k) => ({ ...k, lang: 'ru' as const })),
    ...loadSeoFixture('en').map((k) => ({ ...k, lang: 'en' as const })),
  ]
  const out: KeywordRow[] = []
  for (let r = 0; out.length < n; r++) {
    for (const k of base) {
      if (out.length >= n) break
      const mods = MODIFIERS[k.lang]
      const suffix = r === 0 ? '' : ` ${mods[r % mods.length]}${r >= mods.length ? ` ${Math.floor(r / mods.length)}` : ''}`
      out.push({
        keyword: k.keyword + suffix,
        frequency: Math.max(10, Math.round(k.frequency / (r + 1))),
        urls: withUrls ? k.urls.map((u) => (r === 0 ? u : u.replace(/^(https?:\/\/)([^/]+)/, `$1r${r}.$2`))) : [],
      })
    }
  }
  return out
}

export function benchSeo(): { what: string; n: number; value: string }[] {
  const rows: { what: string; n: number; value: string }[] = []
  const measure = (what: string, data: KeywordRow[], mode: ClusterMode, vectors?: Float32Array[]) => {
    global.gc?.()
    const rss0 = process.memoryUsage().rss
    let peak = rss0
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
    const t0 = performance.now()
    const out = clusterKeywords(data, { mode, vectors })
    const sec = (performance.now() - t0) / 1000
    clearInterval(timer)
    peak = Math.max(peak, process.memoryUsage().rss)
    rows.push({
      what: `${what} (${mode})`,
      n: data.length,
      value: `${fmt(sec)} s, ${out.clusters.length} clusters, RSS ${Math.round(peak / 1048576)} MiB (+${Math.round((peak - rss0) / 1048576)})`,
    })
  }
  const tenK = syntheticKeywords(10_000, true)
  for (const mode of ['serp-weighted', 'serp-soft', 'serp-moderate', 'serp-hard'] as const)
    measure('10,000 keywords with top-10 URLs', tenK, mode)
  measure('10,000 keywords, words only', syntheticKeywords(10_000, false), 'lexical')
  if (process.env.BENCH_SEO_100K !== '0') measure('100,000 keywords, words only', syntheticKeywords(100_000, false), 'lexical')
  for (const n of [10_000, 30_000]) {
    const data = syntheticKeywords(n, false)
    measure(
      `${n.toLocaleString('en')} keywords, embeddings of 1,536 dims given (clustering only)`,
      data,
      'semantic',
      plantedEmbeddings(n, 1536),
    )
  }
  rows.push(banking77())
  return rows
}

/**
 * Stand-ins for a model's embeddings (none is reachable here): n/20 random topic directions, each
 * vector its topic plus its own noise (cosine ~0.6 inside a topic). Measures the clustering's speed
 * and memory at the sizes of real embeddings, not a model's quality.
 */
function plantedEmbeddings(n: number, dims: number): Float32Array[] {
  let seed = 42
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed / 4294967296 - 0.5
  }
  const topics = Array.from({ length: Math.round(n / 20) }, () => Float32Array.from({ length: dims }, random))
  return Array.from({ length: n }, (_, i) => Float32Array.from(topics[i % topics.length]!, (x) => x + 0.8 * random()))
}

/** A harder, semantic test of the lexical mode: Banking77's 77 intents (CC BY 4.0, ../shared/data). */
function banking77(): { what: string; n: number; value: string } {
  const file = path.join(ROOT, '..', 'shared', 'data', 'intents-banking77', 'test.csv')
  if (!fs.existsSync(file)) return { what: 'Banking77 (lexical)', n: 0, value: 'data not found' }
  const data = Papa.parse<{ text: string; category: string }>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data
  const out = clusterKeywords(
    data.map((r) => ({ keyword: r.text, frequency: null, urls: [] })),
    { mode: 'lexical' },
  )
  const label = new Map<string, string>()
  out.clusters.forEach((c, i) => c.keywords.forEach((k) => label.set(k, `c${i}`)))
  const gold = data.map((r) => r.category)
  const predicted = data.map((r, i) => label.get(r.text) ?? `single${i}`)
  const f = pairwiseF1(gold, predicted)
  return {
    what: 'Banking77 test set, 77 intents (lexical, quality)',
    n: data.length,
    value: `ARI ${fmt(adjustedRandIndex(gold, predicted))}, pairwise F1 ${fmt(f.f1)} (P ${fmt(f.precision)}, R ${fmt(f.recall)}), ${out.clusters.length} clusters + ${out.unclustered.length} single`,
  }
}
