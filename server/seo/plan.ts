// A cluster as a content plan: the pillar page on its main keyword, and supporting pieces grouped
// the way content teams plan them: questions, comparisons, how to choose, mistakes, FAQ.
import { terms } from './lexical'
export type PieceKind = 'question' | 'comparison' | 'how_to_choose' | 'mistakes' | 'how_to' | 'price' | 'review'
export type Piece = { kind: PieceKind; keyword: string; keywords: string[]; frequency: number }
export type ContentPlan = { pillar: string; pillarKeywords: string[]; pieces: Piece[] }

const KINDS: [PieceKind, RegExp][] = [
  [
    'how_to_choose',
    /(?<![\p{L}])(?:как\p{L}{0,3} (?:\p{L}+ ){0,3}выб(?:рать|ирать)|выбор|how to (?:choose|pick)|choosing|which (?:\p{L}+ ){0,3}to (?:buy|choose|get)|buying guide)(?![\p{L}])/iu,
  ],
  ['comparison', /(?<![\p{L}])(?:или|vs|versus|против|сравнени\p{L}*|отличи\p{L}*|разница|compare|comparison|difference|or)(?![\p{L}])/iu],
  ['mistakes', /(?<![\p{L}])(?:ошибк\p{L}*|не работает|проблем\p{L}*|почему не|mistakes?|problems?|not working|issues?|fix)(?![\p{L}])/iu],
  ['how_to', /(?<![\p{L}])(?:как|своими руками|инструкция|пошагово|how to|diy|step by step|guide|tutorial)(?![\p{L}])/iu],
  ['price', /(?<![\p{L}])(?:цен\p{L}*|стоимост\p{L}*|сколько стоит|прайс|price|prices|pricing|cost|costs|how much)(?![\p{L}])/iu],
  ['review', /(?<![\p{L}])(?:отзыв\p{L}*|обзор\p{L}*|рейтинг|топ|лучши\p{L}*|review|reviews|rating|best|top)(?![\p{L}])/iu],
  [
    'question',
    /(?:\?|(?<![\p{L}])(?:что|почему|зачем|когда|можно ли|нужно ли|сколько|what|why|when|can|is|are|does|do|should)(?![\p{L}]))/iu,
  ],
]

const words = (s: string) => s.split(/\s+/).filter(Boolean).length

export const pieceKindOf = (keyword: string): PieceKind | null => KINDS.find(([, re]) => re.test(keyword.toLowerCase()))?.[0] ?? null

/** One piece per narrow question, comparison or how-to; one per kind for choosing, mistakes, prices, reviews. */
const ONE_EACH = new Set<PieceKind>(['question', 'comparison', 'how_to'])

/**
 * The pillar page targets the cluster's most frequent keyword and the keywords with no cue (its
 * variants). Questions, comparisons and how-tos become a piece each (forms of one phrase share a
 * piece); how-to-choose, mistakes, prices and reviews a piece per kind; a piece targets its most
 * frequent keyword.
 */
export function contentPlan(keywords: { keyword: string; frequency: number }[]): ContentPlan {
  // without frequencies the most general (shortest) keyword leads
  const sorted = [...keywords].sort(
    (a, b) => b.frequency - a.frequency || words(a.keyword) - words(b.keyword) || a.keyword.localeCompare(b.keyword),
  )
  const [pillar, ...rest] = sorted
  const pillarKeywords: string[] = []
  const pieces = new Map<string, Piece>()
  for (const k of rest) {
    const kind = pieceKindOf(k.keyword)
    if (kind === null) {
      pillarKeywords.push(k.keyword)
      continue
    }
    const key = ONE_EACH.has(kind) ? `${kind}:${[...new Set(terms(k.keyword))].sort().join('|')}` : kind
    const piece = pieces.get(key)
    if (piece) {
      piece.keywords.push(k.keyword)
      piece.frequency += k.frequency
    } else pieces.set(key, { kind, keyword: k.keyword, keywords: [k.keyword], frequency: k.frequency })
  }
  return { pillar: pillar?.keyword ?? '', pillarKeywords, pieces: [...pieces.values()].sort((a, b) => b.frequency - a.frequency) }
}
