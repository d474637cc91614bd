import { normalize, stemFor, type Token } from './tokens'

type WordMatcher = (t: Token) => boolean

/**
 * One lexicon entry -> a matcher over consecutive tokens. Each word of the entry is either
 * `prefix*` (every word starting so: "гарант*" = гарантия, гарантируем, гарантированно) or a
 * plain word matched by stem (лучший = лучшая, лучшего, лучшие).
 */
export function compileEntry(entry: string, lang: 'ru' | 'en' | 'any'): WordMatcher[] {
  const stem = stemFor(lang)
  return normalize(entry)
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}*'’-]/gu, '')) // tokens carry no punctuation: "лучше, чем" = "лучше чем"
    .filter(Boolean)
    .map((w): WordMatcher => {
      if (w.endsWith('*')) {
        const prefix = w.slice(0, -1)
        return (t) => t.norm.startsWith(prefix)
      }
      const s = stem(w)
      // Words too short to stem safely ("№", "1") must match exactly.
      if (s.length < 3) return (t) => t.norm === w
      return lang === 'en' ? (t) => t.stemEn === s || t.norm === w : (t) => t.stemRu === s || t.norm === w
    })
}

export type Span = { start: number; end: number }

export function findEntry(tokens: Token[], words: WordMatcher[]): Span[] {
  const hits: Span[] = []
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((m, k) => m(tokens[i + k]!))) hits.push({ start: tokens[i]!.start, end: tokens[i + words.length - 1]!.end })
  }
  return hits
}
