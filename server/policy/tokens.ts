import { stemmer as stemEn } from '@orama/stemmers/english'
import { stemmer as stemRu } from '@orama/stemmers/russian'

export type Token = { norm: string; stemRu: string; stemEn: string; start: number; end: number }

/** Lower case, ё as е: how Russian copy is actually spelled varies. */
export const normalize = (s: string) => s.toLowerCase().replace(/ё/g, 'е')

/**
 * Russian fleeting vowels: Snowball leaves "окон" (окно), "потолок" (потолка -> "потолк"),
 * "неявок" (неявки -> "неявк"). Dropping о/е/ё between the last two consonants of every stem
 * makes the forms meet; applied to all stems alike, it cannot split a word's forms apart.
 */
export const foldFleeting = (stem: string) =>
  stem.length >= 4 ? stem.replace(/([бвгджзклмнпрстфхцчшщ])[оеё]([бвгджзклмнпрстфхцчшщ])$/u, '$1$2') : stem

/** A normalised word's stem by its script (a Russian keyword may carry a Latin brand, and back). */
export const stemWord = (w: string) => (/[а-я]/.test(w) ? foldFleeting(stemRu(w)) : /[a-z]/.test(w) ? stemEn(w) : w)

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu

// Words repeat: a 20 KB brief has a few hundred distinct ones. Stemming each once per process
// (bounded) makes tokenising mostly map lookups.
const STEMS = new Map<string, [string, string]>()
const STEM_CACHE_MAX = 100_000

function stemsOf(norm: string): [string, string] {
  let s = STEMS.get(norm)
  if (!s) {
    if (STEMS.size >= STEM_CACHE_MAX) STEMS.clear()
    // a word in one script needs no stemmer of the other: it returns the word as it is
    const latin = /[a-z]/.test(norm)
    const cyrillic = /[а-я]/.test(norm)
    s = [cyrillic ? stemRu(norm) : norm, latin ? stemEn(norm) : norm]
    STEMS.set(norm, s)
  }
  return s
}

/** Words with their offsets (JavaScript string indices) and both stems, computed once per text. */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(WORD)) {
    const norm = normalize(m[0])
    const [ru, en] = stemsOf(norm)
    out.push({ norm, stemRu: ru, stemEn: en, start: m.index, end: m.index + m[0].length })
  }
  return out
}

export const stemFor = (lang: 'ru' | 'en' | 'any') => (word: string) => (lang === 'en' ? stemEn(normalize(word)) : stemRu(normalize(word)))
