import { compileEntry, findEntry, type Entry, type TokenIndex, type TokenSpan } from './lexicon'
import type { AdvertisedContext } from './schema'

/** Sentence number of every token: a break is . ! ? … or a line break between two words. */
export function sentenceIds(text: string, index: TokenIndex): Int32Array {
  const ids = new Int32Array(index.tokens.length)
  let id = 0
  index.tokens.forEach((t, i) => {
    if (i > 0 && /[.!?…\n;]/.test(text.slice(index.tokens[i - 1]!.end, t.start))) id++
    ids[i] = id
  })
  return ids
}

/** Whether the text between two tokens ends a clause (buyer phrases never cross one). */
const clauseBreak = (text: string, index: TokenIndex, a: number, b: number) =>
  /[.!?…\n;:—–()]/.test(text.slice(index.tokens[a]!.end, index.tokens[b]!.start))

/** Short capitalised names in quotes («Таблетка от скуки», "Dr. Sleep"): a product's name, not its sector. */
export function quotedNames(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  for (const m of text.matchAll(/«([^«»\n]{1,60})»|“([^“”\n]{1,60})”|"([^"\n]{1,60})"/gu)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? ''
    if (/^\s*\p{Lu}/u.test(inner) && inner.trim().split(/\s+/).length <= 4) out.push({ start: m.index, end: m.index + m[0].length })
  }
  return out
}

export type CompiledContext = { buyers: Entry[]; customers: Entry[]; services: Entry[]; expenses: Entry[]; pronouns: Entry[] }

export function compileContext(ctx: AdvertisedContext, lang: 'ru' | 'en' | 'any'): CompiledContext {
  const c = (list: string[]) => list.map((e) => compileEntry(e, lang))
  return {
    buyers: c(ctx.buyer_markers),
    customers: c(ctx.customers),
    services: c(ctx.services),
    expenses: c(ctx.expenses),
    pronouns: c(ctx.pronouns),
  }
}

const hitsOf = (index: TokenIndex, entries: Entry[]) => entries.flatMap((e) => findEntry(index, e))
const MAX_GAP = 3

/**
 * Token ranges that name a customer, not what is sold: a buyer marker or a service noun, at most
 * three words before a customer noun in one clause with no pronoun between ("для частных клиник",
 * "software for physical therapy clinics", "уборка медицинских центров"), extended over the
 * customers listed with it ("для банков и МФО") and on to the end of the sentence, which describes
 * what is sold to them ("…для банков и МФО: модели оценки заёмщиков, бюро кредитных историй"),
 * and money words next to a sector word ("вычет за лечение", "medical bills").
 */
export function customerRanges(
  text: string,
  index: TokenIndex,
  ctx: CompiledContext,
  sentence: Int32Array,
): { first: number; last: number }[] {
  const customers = hitsOf(index, ctx.customers).sort((a, b) => a.first - b.first)
  if (customers.length === 0 && ctx.expenses.length === 0) return []
  const heads = new Set([...hitsOf(index, ctx.buyers), ...hitsOf(index, ctx.services)].map((h) => h.last))
  const pronoun = new Set(hitsOf(index, ctx.pronouns).map((h) => h.first))
  const ranges: { first: number; last: number }[] = []
  for (const c of customers) {
    const prev = ranges.at(-1)
    // "для банков и МФО", "for clinics, labs and pharmacies": a customer listed with the last one
    if (
      prev &&
      c.first > prev.last &&
      c.first - prev.last <= MAX_GAP + 1 &&
      !clauseBreak(text, index, prev.last, c.first) &&
      /^[\s,]*(?:и|или|а также|and|or|&)?[\s,]/iu.test(`${text.slice(index.tokens[prev.last]!.end, index.tokens[c.first]!.start)} `)
    ) {
      prev.last = c.last
      continue
    }
    for (let m = c.first - 1; m >= Math.max(0, c.first - 1 - MAX_GAP); m--) {
      if (pronoun.has(m) || clauseBreak(text, index, m, m + 1)) break
      if (heads.has(m)) {
        ranges.push({ first: m, last: c.last })
        break
      }
    }
  }
  // on through the sentence's list of what they get (a colon or commas), not past a dash or a semicolon
  for (const r of ranges) {
    while (
      r.last + 1 < index.tokens.length &&
      sentence[r.last + 1] === sentence[r.last] &&
      !/[;—–()]/.test(text.slice(index.tokens[r.last]!.end, index.tokens[r.last + 1]!.start))
    )
      r.last++
  }
  for (const e of hitsOf(index, ctx.expenses)) ranges.push({ first: Math.max(0, e.first - 1), last: e.last + MAX_GAP })
  return ranges
}

/**
 * Meaning, not one word: every group hits within `within` words in one sentence ("возвращают
 * стопе правильный свод", "regrows thinning hair"). One hit per anchor of the first group,
 * spanning all the words that made it.
 */
export function findNear(index: TokenIndex, sentence: Int32Array, groups: Entry[][], within: number, sameSentence = true): TokenSpan[] {
  const found = groups.map((g) => hitsOf(index, g))
  if (found.some((f) => f.length === 0)) return []
  const out: TokenSpan[] = []
  for (const anchor of found[0]!) {
    let first = anchor.first
    let last = anchor.last
    const ok = found.slice(1).every((hits) => {
      const near = hits.find(
        (h) => (!sameSentence || sentence[h.first] === sentence[anchor.first]) && Math.abs(h.first - anchor.first) <= within,
      )
      if (!near) return false
      first = Math.min(first, near.first)
      last = Math.max(last, near.last)
      return true
    })
    if (ok) out.push({ start: index.tokens[first]!.start, end: index.tokens[last]!.end, first, last })
  }
  return out
}
