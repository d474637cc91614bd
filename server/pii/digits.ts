// One pass over the digits of a text, shared by every detector anchored on digits: document and
// phone numbers, IPv4, IBAN, house numbers of English, German and Latin-spelt Russian addresses.
// One pass of the regex engine over the text, instead of one scan per detector, keeps the guard fast.
import type { Range } from './windows'

/** Start and end of each maximal run of ASCII digits, in text order. */
export type DigitGroups = { starts: Int32Array; ends: Int32Array }

// The last two texts: a scan reads the text and its copy with look-alike letters folded
// (lookalikes.ts). The one used last is tried first: the same string object compares at once,
// while two different strings of one length compare character by character.
let cache: { text: string; groups: DigitGroups }[] = []

const DIGIT_RUN = /\d+/g
const isDigitCode = (c: number) => c >= 48 && c <= 57

export function digitGroups(text: string): DigitGroups {
  if (cache[0]?.text === text) return cache[0].groups
  if (cache[1]?.text === text) {
    cache.reverse()
    return cache[0]!.groups
  }
  const starts: number[] = []
  const ends: number[] = []
  // the regex engine finds the runs (native code, several times as fast as a loop of charCodeAt
  // over every character); test() builds no match array, so each start is read back from the end
  DIGIT_RUN.lastIndex = 0
  while (DIGIT_RUN.test(text)) {
    const end = DIGIT_RUN.lastIndex
    let start = end - 1
    while (start > 0 && isDigitCode(text.charCodeAt(start - 1))) start--
    starts.push(start)
    ends.push(end)
  }
  const groups = { starts: Int32Array.from(starts), ends: Int32Array.from(ends) }
  cache = [{ text, groups }, ...cache.slice(0, 1)]
  return groups
}

export type DigitAnchor = (text: string, i: number, groups: DigitGroups) => number

const code = (text: string, at: number) => (at >= 0 && at < text.length ? text.charCodeAt(at) : 0)
export const isDigitAt = (text: string, at: number) => code(text, at) >= 48 && code(text, at) <= 57
export const isUpperLatinAt = (text: string, at: number) => code(text, at) >= 65 && code(text, at) <= 90
export const isLatinAt = (text: string, at: number) => isUpperLatinAt(text, at) || (code(text, at) >= 97 && code(text, at) <= 122)

/**
 * Windows around anchors found from the digit groups: `anchor(text, i, groups)` returns where an anchor
 * at group i starts (or -1 for none); the window runs from `before` characters ahead of it to
 * `after` characters past the group.
 */
export function digitWindows(text: string, anchor: DigitAnchor, before: number, after: number): Range[] {
  const groups = digitGroups(text)
  const { ends } = groups
  const out: Range[] = []
  for (let i = 0; i < ends.length; i++) {
    const at = anchor(text, i, groups)
    if (at < 0) continue
    addWindow(out, text.length, at - before, ends[i]! + after)
  }
  return out
}

/** Adds [start, end) clipped to the text, merged with the last window when they touch. */
export function addWindow(out: Range[], length: number, start: number, end: number) {
  const from = Math.max(0, start)
  const to = Math.min(length, end)
  const last = out.at(-1)
  if (last && from <= last.end) last.end = Math.max(last.end, to)
  else out.push({ start: from, end: to })
}

/** ' ', '\t', '(', ')', '+', '.', '-', '/' by char code (no one-character strings per test). */
const isSeparator = (c: number) => c === 32 || c === 9 || c === 40 || c === 41 || c === 43 || c === 46 || c === 45 || c === 47

// Between the digit groups of one id: at most four separators ("№" too: "45 10 № 123456").
const ID_GAP = 4
const isIdSeparator = (c: number) => isSeparator(c) || c === 0x2116
let aheadCache: { text: string; ahead: Int32Array } | undefined

/**
 * For each digit group, how many digits it and the groups after it hold while only short runs of
 * separators stand between them: an upper bound on the digits of any id that starts at the group.
 */
export function digitsAhead(text: string): Int32Array {
  if (aheadCache?.text === text) return aheadCache.ahead
  const { starts, ends } = digitGroups(text)
  const ahead = new Int32Array(starts.length)
  for (let g = starts.length - 1; g >= 0; g--) {
    const joined = g + 1 < starts.length && starts[g + 1]! - ends[g]! <= ID_GAP && onlyFrom(isIdSeparator, text, ends[g]!, starts[g + 1]!)
    ahead[g] = ends[g]! - starts[g]! + (joined ? ahead[g + 1]! : 0)
  }
  aheadCache = { text, ahead }
  return ahead
}

/** The candidate starts (sorted) from which an id of at least `min` digits could run. */
export function startsWithDigits(text: string, candidates: Int32Array, min: number): Int32Array {
  const { starts } = digitGroups(text)
  const ahead = digitsAhead(text)
  const out: number[] = []
  let g = 0
  for (let i = 0; i < candidates.length; i++) {
    const at = candidates[i]!
    while (g < starts.length && starts[g]! < at) g++ // the first group at or after the candidate ("+", "(" come before theirs)
    if (g < starts.length && ahead[g]! >= min) out.push(at)
  }
  return Int32Array.from(out)
}

/**
 * Digit runs with separators ("+7 (916) 123-45-67", "4510 123456"): chains of digit groups joined
 * by separators only, at least 6 characters long from the first digit to the last, with `reach`
 * characters around them. The same runs as /\d[\d \t()+.\-\/]{4,}\d/g.
 */
export function digitRunWindows(text: string, reach: number): Range[] {
  const { starts, ends } = digitGroups(text)
  const out: Range[] = []
  let i = 0
  while (i < starts.length) {
    let j = i
    while (j + 1 < starts.length && onlySeparators(text, ends[j]!, starts[j + 1]!)) j++
    if (ends[j]! - starts[i]! >= 6) addWindow(out, text.length, starts[i]! - reach, ends[j]! + reach)
    i = j + 1
  }
  return out
}

const onlySeparators = (text: string, from: number, to: number) => onlyFrom(isSeparator, text, from, to)

function onlyFrom(allowed: (c: number) => boolean, text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!allowed(text.charCodeAt(k))) return false
  return true
}
