// Clustering keywords without search results: Russian/English normalisation (lower case, ё->е,
// stop words, Snowball stems), TF-IDF over stem unigrams and bigrams, cosine similarity, and
// average-linkage agglomerative clustering cut at a similarity threshold. Only keywords that
// share a term are compared (inverted index term -> keywords), each keeps its nearest
// neighbours; a term in more than `maxPosting` keywords finds no candidates (it still counts in
// the similarity of pairs found through other terms), so work stays bounded on long lists.
import { normalize, stemWord } from '../policy/tokens'
import { MinHeap } from './heap'
import { averageLinkage } from './linkage'
import type { Grouping } from './serp'

export type LexicalOptions = {
  threshold: number
  maxPosting?: number
  neighbours?: number
  /** Hears how many keywords have been compared with their neighbours, every PROGRESS_EVERY. */
  onCompared?: (done: number) => void
}

/** Counts are reported once per this many units: a 100,000-keyword plan says so a hundred times. */
export const PROGRESS_EVERY = 1000

const STOP = new Set(
  (
    'в во на для и или а но с со по как что это ли же от до из к ко у о об обо за при без над под про через не ни то так там тут ' +
    'где когда какой какая какие какое который сколько можно нужно чтобы бы уже еще ещё мой мне свой ваш наш его ее её их ' +
    'the a an for to of in on at and or with without by from is are be can do does my your our their this that these those ' +
    'what which how when where who vs versus near me best'
  ).split(/\s+/),
)
// "как", "what", "how", "vs", "near me", "best" are intent cues, not topic words.
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu

/** The topic terms of a keyword: stems of its content words, and their neighbouring pairs. */
export function terms(keyword: string): string[] {
  const stems = [...normalize(keyword).matchAll(WORD)]
    .map((m) => m[0])
    .filter((w) => !STOP.has(w))
    .map(stemWord)
  const out = [...new Set(stems)]
  for (let i = 0; i + 1 < stems.length; i++) out.push(`${stems[i]} ${stems[i + 1]}`)
  return out
}

/** Keywords as sparse TF-IDF vectors over term ids (sorted), L2-normalised; postings per term. */
function vectors(keywords: string[]) {
  const ids = new Map<string, number>()
  const idOf = (t: string) => {
    let id = ids.get(t)
    if (id === undefined) ids.set(t, (id = ids.size))
    return id
  }
  const docs = keywords.map((k) => terms(k).map(idOf))
  const df = new Int32Array(ids.size)
  for (const d of docs) for (const t of new Set(d)) df[t]!++
  const n = docs.length
  const vs = docs.map((d) => {
    const w = new Map<number, number>()
    for (const t of d) w.set(t, (w.get(t) ?? 0) + Math.log((n + 1) / (df[t]! + 1)) + 1)
    const norm = Math.sqrt([...w.values()].reduce((a, x) => a + x * x, 0)) || 1
    const sorted = [...w].sort((a, b) => a[0] - b[0])
    return { terms: Int32Array.from(sorted, ([t]) => t), weights: Float64Array.from(sorted, ([, x]) => x / norm) }
  })
  // postings as flat typed arrays: docs and weights of term t at [start[t], start[t + 1])
  const start = new Int32Array(ids.size + 1)
  for (let t = 0; t < ids.size; t++) start[t + 1] = start[t]! + df[t]!
  const fill = start.slice(0, ids.size)
  const docOf = new Int32Array(start[ids.size]!)
  const weightOf = new Float64Array(start[ids.size]!)
  vs.forEach((v, i) =>
    v.terms.forEach((t, k) => {
      docOf[fill[t]!] = i
      weightOf[fill[t]!++] = v.weights[k]!
    }),
  )
  return { vs, df, start, docOf, weightOf }
}

type Vec = { terms: Int32Array; weights: Float64Array }
const cosine = (a: Vec, b: Vec) => {
  let s = 0
  for (let x = 0, y = 0; x < a.terms.length && y < b.terms.length; ) {
    if (a.terms[x] === b.terms[y]) s += a.weights[x++]! * b.weights[y++]!
    else if (a.terms[x]! < b.terms[y]!) x++
    else y++
  }
  return s
}

/**
 * Each keyword's nearest neighbours (at most `k`, similarity >= `min`). Candidates come from the
 * terms of not-too-common posting lists, scored term at a time into one reused array; the best
 * are then scored exactly. Bounded work and memory however long the list is.
 */
function edges(keywords: string[], maxPosting: number, k: number, min: number, onCompared?: (done: number) => void): Map<number, number>[] {
  const { vs, df, start, docOf, weightOf } = vectors(keywords)
  const n = vs.length
  const acc = new Float64Array(n)
  const touched = new Int32Array(n)
  const out = vs.map(() => new Map<number, number>())
  const best = new MinHeap<[number, number]>((a, b) => a[0] - b[0] || b[1] - a[1])
  for (let i = 0; i < n; i++) {
    if (onCompared && i % PROGRESS_EVERY === 0) onCompared(i)
    const v = vs[i]!
    let count = 0
    // a keyword made only of common terms still looks through its rarest one (capped)
    let rarest = -1
    for (const t of v.terms) if (rarest < 0 || df[t]! < df[rarest]!) rarest = t
    for (let x = 0; x < v.terms.length; x++) {
      const t = v.terms[x]!
      if (df[t]! > maxPosting && t !== rarest) continue
      const end = Math.min(start[t + 1]!, start[t]! + maxPosting)
      const w = v.weights[x]!
      for (let p = start[t]!; p < end; p++) {
        const j = docOf[p]!
        if (j === i) continue
        if (acc[j] === 0) touched[count++] = j
        acc[j]! += w * weightOf[p]!
      }
    }
    // partial scores (rare terms only) preselect the 2k best, kept in a small min-heap
    best.clear()
    for (let c = 0; c < count; c++) {
      const j = touched[c]!
      const score = acc[j]!
      acc[j] = 0
      if (score < min) continue
      if (best.size < 2 * k) best.push([score, j])
      else if (score > best.peek()![0]) {
        best.pop()
        best.push([score, j])
      }
    }
    while (best.size > 0) {
      const j = best.pop()![1]
      const s = cosine(v, vs[j]!)
      if (s >= min) out[i]!.set(j, s)
    }
    if (out[i]!.size > k) out[i] = new Map([...out[i]!].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k))
  }
  onCompared?.(n)
  // symmetric: a pair kept by either side is an edge of both
  out.forEach((row, i) => row.forEach((s, j) => out[j]!.set(i, s)))
  return out
}

/** Lexical clusters: the nearest-neighbour graph of TF-IDF similarities, cut by average linkage. */
export function clusterLexically(
  keywords: string[],
  { threshold, maxPosting = 1000, neighbours = 15, onCompared }: LexicalOptions,
): Grouping {
  return averageLinkage(edges(keywords, maxPosting, neighbours, 0.05, onCompared), threshold)
}
