// The offline headline engine: the angle templates filled with the brief's own terms, each with
// the longest variants that fit the channel's limit. It returns what a model returns — more
// candidates than asked for, grouped by angle, best first — and finishing (finish.ts) picks the
// set. Deterministic: the same brief gives the same headlines.
import type { HeadlineAngle } from '../../../contracts/drafts'
import type { DraftingBrief } from '../types'
import type { RawHeadlines } from './schema'
import { extractTerms, type Terms } from './terms'
import { TEMPLATES, type Template } from './templates'
import { cap, codePoints, normWords, squash, stem } from './text'
import { varied } from './vary'

type Slot = 'P' | 'O' | 'T' | 'G' | 'X' | 'H' | 'A' | 'K' | 'F' | 'B'
const SLOT: Record<Slot, Exclude<keyof Terms, 'singular' | 'customerTask'>> = {
  P: 'product',
  O: 'object',
  T: 'task',
  G: 'gerund',
  X: 'pain',
  H: 'habit',
  A: 'audience',
  K: 'topic',
  F: 'facts',
  B: 'perks',
}
const SLOT_PATTERN = /\{([POTGXHAKFB])(:short)?\}/g
/**
 * Three passes over the templates: as written; with the next key phrase/fact/claim and the
 * shortest variants first (a second, terser wording of the same idea); with the item after that.
 */
const PASSES = [
  { turn: 0, terse: false },
  { turn: 1, terse: true },
  { turn: 2, terse: false },
]
/** Per angle; nine angles stay within what a model may return (100, schema.ts). */
const MAX_PER_ANGLE = 10

export function headlinesOffline(brief: DraftingBrief, opts: { count: number; maxLength: number }): RawHeadlines {
  const terms = extractTerms(brief)
  const templates = TEMPLATES[brief.lang].filter((t) => (!t.customer || terms.customerTask) && (!t.singular || terms.singular))
  // Each template starts a multi-item slot at the next item, so two "{K}: …" templates name two key phrases.
  const used: Partial<Record<Slot, number>> = {}
  const starts = templates.map(
    (t) => Object.fromEntries(slotsOf(t).map((s) => [s, (used[s] = (used[s] ?? -1) + 1)])) as Record<Slot, number>,
  )

  const byAngle = new Map<HeadlineAngle, string[]>()
  const seen = new Set<string>()
  for (const pass of PASSES) {
    templates.forEach((t, n) => {
      const text = fill(t, terms, starts[n]!, pass, opts.maxLength)
      if (text === null || seen.has(text.toLowerCase())) return
      seen.add(text.toLowerCase())
      byAngle.set(t.angle, [...(byAngle.get(t.angle) ?? []), text])
    })
  }
  const ordered = varied(byAngle, opts.count)
  return { headlines: [...ordered].flatMap(([angle, texts]) => texts.slice(0, MAX_PER_ANGLE).map((text) => ({ text, angle }))) }
}

const slotsOf = (t: Template) => [...t.text.matchAll(SLOT_PATTERN)].map((m) => m[1] as Slot)

/** The template with the first combination of variants that fits, or null. */
function fill(t: Template, terms: Terms, start: Record<Slot, number>, pass: (typeof PASSES)[number], maxLength: number): string | null {
  const holes = [...t.text.matchAll(SLOT_PATTERN)].map((m) => {
    const slot = m[1] as Slot
    const items = terms[SLOT[slot]]
    const k = items.length ? (start[slot]! + pass.turn) % items.length : 0
    const rotated = [...items.slice(k), ...items.slice(0, k)]
    const variants = [...rotated, ...(slot === 'K' ? terms.product : [])].flat()
    return { hole: m[0], variants: Boolean(m[2]) !== pass.terse ? [...variants].reverse() : variants }
  })
  if (holes.some((h) => h.variants.length === 0)) return null
  const pick = (i: number, text: string): string | null => {
    if (i === holes.length) {
      const out = finalize(text)
      return codePoints(out) <= maxLength && !repeatsItself(out) ? out : null
    }
    for (const v of holes[i]!.variants) {
      const out = pick(
        i + 1,
        text.replace(holes[i]!.hole, () => v),
      ) // a function: "$&" in a brief stays literal
      if (out !== null) return out
    }
    return null
  }
  return pick(0, t.text)
}

/** A word (stem of 4+ letters) twice: "Напоминания пациентам, чтобы сократить неявки пациентов". */
function repeatsItself(text: string): boolean {
  const stems = normWords(text)
    .map(stem)
    .filter((s) => s.length >= 4)
  return new Set(stems).size < stems.length
}

/** One space, no space before punctuation, no doubled punctuation, capitals after a sentence end. */
const finalize = (s: string) =>
  cap(
    squash(s)
      .replace(/\s+([,.:;!?])/g, '$1')
      .replace(/([,.:;!?])\1+/g, '$1'),
  ).replace(/([?!]\s+)(\p{Ll})/gu, (_, p: string, c: string) => p + c.toLocaleUpperCase())
