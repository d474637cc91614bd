// Clustering keywords without search results: Russian/English normalisation (lower case, ё->е,
// stop words, Snowball stems), TF-IDF over stem unigrams and bigrams, cosine similarity, and
// average-linkage agglomerative clustering cut at a similarity threshold. Only keywords that
// share a term are compared (inverted index term -> keywords); a term so common it would
// compare a large share of the list (more than `maxPosting` keywords) is not used to find
// candidates, though it still counts in the similarity of pairs found through other terms.
import { stemmer as stemEn } from '@orama/stemmers/english'
import { stemmer as stemRu } from '@orama/stemmers/russian'
import { MinHeap } from './heap'
import type { Grouping } from './serp'

export type LexicalOptions = { threshold: number; maxPosting?: number }

const STOP = new Set(
  ('в во на для и или а но с со по как что это ли же от до из к ко у о об обо за при без над под про через не ни то так там тут ' +
    'где когда какой какая какие какое который сколько можно нужно чтобы бы уже еще ещё мой мне свой ваш наш его ее её их ' +
    'the a an for to of in on at and or with without by from is are be can do does my your our their this that these those ' +
    'what which how when where who vs versus near me best').split(/\s+/),
)
// "как", "what", "how", "vs", "near me", "best" are intent cues, not topic words.
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu

/** The topic terms of a keyword: stems of its content words, and their neighbouring pairs. */
export function terms(keyword: string): string[] {
  const stems = [...keyword.toLowerCase().replace(/ё/g, 'е').matchAll(WORD)]
    .map((m) => m[0])
    .filter((w) => !STOP.has(w))
    .map((w) => (/[а-я]/.test(w) ? fleeting(stemRu(w)) : /[a-z]/.test(w) ? stemEn(w) : w))
  const out = [...new Set(stems)]
  for (let i = 0; i + 1 < stems.length; i++) out.push(`${stems[i]} ${stems[i + 1]}`)
  return out
}

/**
 * Russian fleeting vowels: Snowball leaves "окон" (окно), "потолок" (потолка -> "потолк"),
 * "неявок" (неявки -> "неявк"). Dropping о/е/ё between the last two consonants of every stem
 * makes the forms meet; applied to all stems alike, it cannot split a word's forms apart.
 */
export const fleeting = (stem: string) => (stem.length >= 4 ? stem.replace(/([бвгджзклмнпрстфхцчшщ])[оеё]([бвгджзклмнпрстфхцчшщ])$/u, '$1$2') : stem)

type Vector = Map<string, number>

function vectors(keywords: string[]): Vector[] {
  const docs = keywords.map(terms)
  const df = new Map<string, number>()
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1)
  const n = docs.length
  return docs.map((d) => {
    const v: Vector = new Map()
    for (const t of d) v.set(t, (v.get(t) ?? 0) + Math.log((n + 1) / (df.get(t)! + 1)) + 1)
    const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1
    for (const [t, w] of v) v.set(t, w / norm)
    return v
  })
}

const cosine = (a: Vector, b: Vector) => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let s = 0
  for (const [t, w] of small) s += w * (large.get(t) ?? 0)
  return s
}

/** Similarities of the keywords that share a term whose posting list is not too long. */
function edges(vs: Vector[], maxPosting: number): Map<number, number>[] {
  const postings = new Map<string, number[]>()
  vs.forEach((v, i) => {
    for (const t of v.keys()) {
      const p = postings.get(t)
      if (p) p.push(i)
      else postings.set(t, [i])
    }
  })
  const out = vs.map(() => new Map<number, number>())
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > maxPosting) continue
    for (let x = 0; x < list.length; x++) {
      const i = list[x]!
      for (let y = x + 1; y < list.length; y++) {
        const j = list[y]!
        if (out[i]!.has(j)) continue
        const s = cosine(vs[i]!, vs[j]!)
        out[i]!.set(j, s)
        out[j]!.set(i, s)
      }
    }
  }
  return out
}

/**
 * Average linkage: repeatedly merge the two clusters whose mean pairwise similarity is highest
 * (pairs never compared count as 0), until no pair of clusters reaches `threshold`.
 */
export function clusterLexically(keywords: string[], { threshold, maxPosting = 2000 }: LexicalOptions): Grouping {
  const vs = vectors(keywords)
  const sim = edges(vs, maxPosting) // cluster -> neighbour -> sum of the pairwise similarities between them
  const size = keywords.map(() => 1)
  const members: number[][] = keywords.map((_, i) => [i])
  const alive = keywords.map(() => true)
  const heap = new MinHeap<[number, number, number, number, number]>((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
  const stamp = keywords.map(() => 0)
  const push = (x: number, y: number) => {
    const [a, b] = x < y ? [x, y] : [y, x]
    const avg = sim[a]!.get(b)! / (size[a]! * size[b]!)
    if (avg >= threshold) heap.push([avg, a, b, stamp[a]!, stamp[b]!])
  }
  sim.forEach((row, a) => row.forEach((_, b) => a < b && push(a, b)))
  while (heap.size > 0) {
    const [, a, b, sa, sb] = heap.pop()!
    if (!alive[a] || !alive[b] || stamp[a] !== sa || stamp[b] !== sb) continue
    const [big, small] = size[a]! >= size[b]! ? [a, b] : [b, a]
    alive[small] = false
    size[big]! += size[small]!
    members[big]!.push(...members[small]!)
    members[small] = []
    stamp[big]!++
    const bigRow = sim[big]!
    bigRow.delete(small)
    for (const [n, s] of sim[small]!) {
      if (n === big) continue
      const total = (bigRow.get(n) ?? 0) + s
      bigRow.set(n, total)
      sim[n]!.set(big, total)
      sim[n]!.delete(small)
    }
    sim[small] = new Map()
    for (const n of bigRow.keys()) push(big, n)
  }
  const groups = members.filter((m, i) => alive[i] && m.length > 0).map((m) => m.sort((x, y) => x - y))
  return { groups: groups.filter((g) => g.length > 1), unclustered: groups.filter((g) => g.length === 1).map((g) => g[0]!) }
}
