import { normalize, stemFor, type Token } from './tokens'

/**
 * One word of a lexicon entry: `prefix*` (every word starting so: "гарант*" = гарантия,
 * гарантируем, гарантированно), a plain word matched by stem (лучший = лучшая, лучшего, лучшие),
 * `=word` or a word too short to stem safely ("№", "1"), matched exactly.
 */
export type WordSpec =
  | { kind: 'prefix'; value: string }
  | { kind: 'exact'; value: string }
  | { kind: 'stem'; value: string; word: string; lang: 'ru' | 'en' }
export type Entry = WordSpec[]

export function compileEntry(entry: string, lang: 'ru' | 'en' | 'any'): Entry {
  const stem = stemFor(lang)
  return normalize(entry)
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}*='’-]/gu, '')) // tokens carry no punctuation: "лучше, чем" = "лучше чем"
    .filter(Boolean)
    .map((w): WordSpec => {
      if (w.endsWith('*')) return { kind: 'prefix', value: w.slice(0, -1) }
      if (w.startsWith('=')) return { kind: 'exact', value: w.slice(1) } // `=боль`: this form only (its stem is более's)
      const s = stem(w)
      if (s.length < 3) return { kind: 'exact', value: w }
      return { kind: 'stem', value: s, word: w, lang: lang === 'en' ? 'en' : 'ru' }
    })
}

export function wordMatches(spec: WordSpec, t: Token): boolean {
  if (spec.kind === 'prefix') return t.norm.startsWith(spec.value)
  if (spec.kind === 'exact') return t.norm === spec.value
  return t.norm === spec.word || (spec.lang === 'en' ? t.stemEn : t.stemRu) === spec.value
}

/** A hit: string offsets, and the first and last token it covers. */
export type Span = { start: number; end: number }
export type TokenSpan = Span & { first: number; last: number }

/**
 * Where each word occurs, so an entry costs a lookup instead of a pass over the text: a
 * thousand lexicon entries over a 20 KB brief would otherwise be millions of comparisons.
 */
export class TokenIndex {
  private byNorm = new Map<string, number[]>()
  private byStemRu = new Map<string, number[]>()
  private byStemEn = new Map<string, number[]>()
  private sortedNorms: string[] | undefined

  constructor(readonly tokens: Token[]) {
    tokens.forEach((t, i) => {
      push(this.byNorm, t.norm, i)
      push(this.byStemRu, t.stemRu, i)
      push(this.byStemEn, t.stemEn, i)
    })
  }

  /** Token positions the word matches, ascending. */
  positions(spec: WordSpec): number[] {
    if (spec.kind === 'exact') return this.byNorm.get(spec.value) ?? []
    if (spec.kind === 'stem') {
      const a = (spec.lang === 'en' ? this.byStemEn : this.byStemRu).get(spec.value) ?? []
      const b = this.byNorm.get(spec.word) ?? []
      return b.length === 0 ? a : a.length === 0 ? b : [...new Set([...a, ...b])].sort((x, y) => x - y)
    }
    const norms = (this.sortedNorms ??= [...this.byNorm.keys()].sort())
    let lo = 0
    let hi = norms.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (norms[mid]! < spec.value) lo = mid + 1
      else hi = mid
    }
    const out: number[] = []
    for (let i = lo; i < norms.length && norms[i]!.startsWith(spec.value); i++) out.push(...this.byNorm.get(norms[i]!)!)
    return out.length > 1 ? out.sort((x, y) => x - y) : out
  }
}

function push(map: Map<string, number[]>, key: string, i: number) {
  const list = map.get(key)
  if (list) list.push(i)
  else map.set(key, [i])
}

export function findEntry(index: TokenIndex, entry: Entry): TokenSpan[] {
  const { tokens } = index
  const hits: TokenSpan[] = []
  for (const i of index.positions(entry[0]!)) {
    if (i + entry.length > tokens.length) continue
    if (entry.every((spec, k) => k === 0 || wordMatches(spec, tokens[i + k]!))) {
      const last = i + entry.length - 1
      hits.push({ start: tokens[i]!.start, end: tokens[last]!.end, first: i, last })
    }
  }
  return hits
}
