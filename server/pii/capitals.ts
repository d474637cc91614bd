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
// any other letter (Greek, Ukrainian і, CJK…): a capital after it starts a word, but person.ts
// reads it as inside a foreign word
const OTHER = 8
const WORDISH = LETTER | JOINER
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
const ANY_LETTER = /\p{L}/u
for (let c = 0x80; c < 0x10000; c++) if (table[c] === 0 && ANY_LETTER.test(String.fromCharCode(c))) table[c] = OTHER

// The lower-case titles: rare, so found by a regex of their own and merged in (the lookbehind
// after the "г", so the engine looks for that letter first)
const TITLE = /г(?<![A-Za-zÀ-ÖØ-öø-ÿĀ-ſА-яЁё'’-].)(?:-н|-жа|осподин[а-я]*|оспож[а-я]+)/g

/** Capitalised words in text order: [start, end), the possessive "'s" still on. */
export type Capitals = {
  starts: Int32Array
  ends: Int32Array
  /** TITLE_WORD: a lower-case title ("г-н", "господина"); AFTER_OTHER_LETTER: right after a letter outside the table. */
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
  // each test on its own and in this order: V8 runs the loop half again as fast as with "||"
  for (let i = 0; i < n; i++) {
    const k = table[text.charCodeAt(i)]!
    if (start >= 0) {
      // a word goes on over letters, and over a joiner a letter follows
      if ((k & LETTER) !== 0) {
        prev = k
        continue
      }
      if (k === JOINER && i + 1 < n && (table[text.charCodeAt(i + 1)]! & LETTER) !== 0) {
        prev = k
        continue
      }
      ends.push(i)
      start = -1
    } else if ((k & UPPER) !== 0 && (prev & WORDISH) === 0) {
      start = i
      starts.push(i)
      flags.push(prev === OTHER ? AFTER_OTHER_LETTER : 0)
    }
    prev = k
  }
  if (start >= 0) ends.push(n)
  const words = withTitles(text, { starts: Int32Array.from(starts), ends: Int32Array.from(ends), flags: Uint8Array.from(flags) })
  cache = { text, words }
  return words
}

/** "Lena's" -> "Lena". */
const withoutPossessive = (w: string) => (w.length > 3 && (w.endsWith("'s") || w.endsWith('’s')) ? w.slice(0, -2) : w)

let valuesCache: { text: string; values: string[] } | undefined

/**
 * The text of each word of capitals(text), the English possessive off ("Lena Kovač's" -> "Lena
 * Kovač"): sliced once per text for both name layers, so each word's string (and its hash, which
 * the role and word caches key on) is made once.
 */
export function capitalValues(text: string): string[] {
  if (valuesCache?.text === text) return valuesCache.values
  const { starts, ends } = capitals(text)
  const values = new Array<string>(starts.length)
  for (let k = 0; k < starts.length; k++) values[k] = withoutPossessive(text.slice(starts[k]!, ends[k]!))
  valuesCache = { text, values }
  return values
}

/** The words with the lower-case titles merged in, in text order (a title never overlaps a word). */
function withTitles(text: string, words: Capitals): Capitals {
  const titles = [...text.matchAll(TITLE)]
  if (titles.length === 0) return words
  const size = words.starts.length + titles.length
  const out = { starts: new Int32Array(size), ends: new Int32Array(size), flags: new Uint8Array(size) }
  let w = 0
  let t = 0
  for (let k = 0; k < size; k++) {
    const title = titles[t]
    if (title && (w >= words.starts.length || title.index < words.starts[w]!)) {
      out.starts[k] = title.index
      out.ends[k] = title.index + title[0].length
      out.flags[k] = TITLE_WORD
      t++
    } else {
      out.starts[k] = words.starts[w]!
      out.ends[k] = words.ends[w]!
      out.flags[k] = words.flags[w]!
      w++
    }
  }
  return out
}
