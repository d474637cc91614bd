// Clustering by search results the way real result pages need: every keyword is the vector of
// its top-10 URLs, each URL weighted by how specific it is (IDF: a page that ranks for few of the
// export's keywords says much; an aggregator, Q&A site, video host or marketplace that ranks for
// keywords of every topic says little), compared by cosine similarity, and grouped by the same
// average linkage as the lexical and semantic modes. Only keywords that share a URL are compared
// (an inverted index URL -> keywords), and URLs shared by more than MAX_SHARED of them are too
// common to propose pairs (they still count in every pair's similarity).
import { averageLinkage } from './linkage'
import { type Grouping, type SerpKeyword, urlIndex } from './serp'

/** URLs ranking for more keywords than this (or a share of the export) propose no pairs: they are everywhere. */
const MAX_SHARED = 200
const MAX_SHARED_SHARE = 0.05

/** How many keywords each URL ranks for, and each keyword's URLs with their IDF weight and the vector's length. */
function vectors(items: SerpKeyword[]) {
  const byUrl = urlIndex(items)
  const n = items.length
  const weight = new Map<string, number>()
  for (const [url, list] of byUrl) weight.set(url, Math.log(n / list.length))
  const vecs = items.map((it) => {
    const v = new Map<string, number>()
    for (const url of it.urls) v.set(url, weight.get(url)!)
    let norm = 0
    for (const w of v.values()) norm += w * w
    return { v, norm: Math.sqrt(norm) }
  })
  return { byUrl, vecs }
}

/** Cosine similarity of every pair of keywords that share a specific enough URL. */
export function serpSimilarities(items: SerpKeyword[]): Map<number, number>[] {
  const { byUrl, vecs } = vectors(items)
  const sim = items.map(() => new Map<number, number>())
  const cap = Math.max(MAX_SHARED, Math.ceil(items.length * MAX_SHARED_SHARE))
  const cosine = (a: number, b: number) => {
    const [x, y] = vecs[a]!.v.size <= vecs[b]!.v.size ? [vecs[a]!, vecs[b]!] : [vecs[b]!, vecs[a]!]
    if (x.norm === 0 || y.norm === 0) return 0
    let dot = 0
    for (const [url, w] of x.v) {
      const other = y.v.get(url)
      if (other !== undefined) dot += w * other
    }
    return dot / (x.norm * y.norm)
  }
  for (const list of byUrl.values()) {
    if (list.length > cap) continue
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j]!
        if (sim[a]!.has(b)) continue
        const s = cosine(a, b)
        if (s <= 0) continue
        sim[a]!.set(b, s)
        sim[b]!.set(a, s)
      }
    }
  }
  return sim
}

/** Keywords whose result pages are alike (average cosine similarity of at least `threshold`, 0–1) in one cluster. */
export function clusterBySerpSimilarity(items: SerpKeyword[], threshold: number): Grouping {
  return averageLinkage(serpSimilarities(items), threshold)
}
