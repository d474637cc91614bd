// One pass over a text for the name layers (person.ts, name-context.ts): every capitalised word
// that starts a word, found by char code with a lookup table instead of a Unicode regex, once
// per text and shared by both layers. The words are exactly what these patterns find:
//   [A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſА-яЁё]*(?:['’-][A-Za-zÀ-ÖØ-öø-ÿĀ-ſА-яЁё]+)*
// where the character before is not a letter of that range, an apostrophe or a hyphen; and the
// lower-case titles "г-н", "г-жа", "господин…", "госпож…" that person.ts reads as a name's first word.

// Char classes of every UTF-16 unit: one table lookup per character, no branches on ranges
const LETTER = 1
const UPPER = 2
const JOINER = 4 // ' ’ -: inside a word when a letter follows
const table = new Uint8Array(0x10000)
const mark = (from: number, to: number, bits: number) => {
  for (let c = from; c <= to; c++) table[c]! |= bits
}
mark(0x41, 0x5a, LETTER | UPPER) // A-Z
mark(0x61, 0x7a, LETTER) // a-z
mark(0xc0, 0xd6, LETTER | UPPER) // À-Ö
mark(0xd8, 0xde, LETTER | UPPER) // Ø-Þ
mark(0xdf, 0xf6, LETTER) // ß-ö
mark(0xf8, 0xff, LETTER) // ø-ÿ
mark(0x100, 0x17f, LETTER | UPPER) // Ā-ſ: the patterns count the whole block as capitals
mark(0x401, 0x401, LETTER | UPPER) // Ё
mark(0x410, 0x42f, LETTER | UPPER) // А-Я
mark(0x430, 0x44f, LETTER) // а-я
mark(0x451, 0x451, LETTER) // ё
for (const c of [0x27, 0x2019, 0x2d]) table[c] = JOINER
/** A letter outside the table's range (Greek, Ukrainian і, CJK…): rare, so a regex answers it. */
const OTHER_LETTER = /\p{L}/u

/** A capitalised word: [start, end), the possessive "'s" still on. */
export type Capitals = {
  starts: Int32Array
  ends: Int32Array
  /** 1: a lower-case title ("г-н", "господина"); 2: right after a letter outside the table (person.ts skips it). */
  flags: Uint8Array
}
export const TITLE_WORD = 1
export const AFTER_OTHER_LETTER = 2

let cache: { text: string; words: Capitals } | undefined

export function capitals(text: string): Capitals {
  if (cache?.text === text) return cache.words
  const starts: number[] = []
  const ends: number[] = []
  const flags: number[] = []
  const n = text.length
  let prev = 0 // the class of the character before i
  let start = -1 // the start of the word i is in, or -1
  for (let i = 0; i < n; i++) {
    const k = table[text.charCodeAt(i)]!
    if (start >= 0) {
      // a word goes on over letters, and over a joiner a letter follows
      if ((k & LETTER) !== 0 || (k === JOINER && i + 1 < n && (table[text.charCodeAt(i + 1)]! & LETTER) !== 0)) {
        prev = k
        continue
      }
      ends.push(i)
      start = -1
    } else if (prev === 0 && (k & UPPER) !== 0) {
      start = i
      starts.push(i)
      flags.push(i > 0 && text.charCodeAt(i - 1) >= 0x80 && OTHER_LETTER.test(text[i - 1]!) ? AFTER_OTHER_LETTER : 0)
    } else if (prev === 0 && k === LETTER && text.charCodeAt(i) === 0x433 /* г */) {
      const end = titleEnd(text, i)
      if (end > 0) {
        starts.push(i)
        ends.push(end)
        flags.push(TITLE_WORD)
        i = end - 1
        prev = LETTER
        continue
      }
    }
    prev = k
  }
  if (start >= 0) ends.push(n)
  const words = { starts: Int32Array.from(starts), ends: Int32Array.from(ends), flags: Uint8Array.from(flags) }
  cache = { text, words }
  return words
}

const isCyrLower = (c: number) => c >= 0x430 && c <= 0x44f
/** "г-н", "г-жа", "господин[а-я]*", "госпож[а-я]+" at i, as the alternatives of the pattern try them; -1 for none. */
function titleEnd(text: string, i: number): number {
  if (text.startsWith('г-н', i)) return i + 3
  if (text.startsWith('г-жа', i)) return i + 4
  if (text.startsWith('господин', i)) {
    let j = i + 8
    while (j < text.length && isCyrLower(text.charCodeAt(j))) j++
    return j
  }
  if (text.startsWith('госпож', i) && isCyrLower(text.charCodeAt(i + 6))) {
    let j = i + 7
    while (j < text.length && isCyrLower(text.charCodeAt(j))) j++
    return j
  }
  return -1
}
