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
export const foldFleeting = (stem: string) => (stem.length >= 4 ? stem.replace(/([бвгджзклмнпрстфхцчшщ])[оеё]([бвгджзклмнпрстфхцчшщ])$/u, '$1$2') : stem)

/** A normalised word's stem by its script (a Russian keyword may carry a Latin brand, and back). */
export const stemWord = (w: string) => (/[а-я]/.test(w) ? foldFleeting(stemRu(w)) : /[a-z]/.test(w) ? stemEn(w) : w)

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu

/** Words with their offsets (JavaScript string indices) and both stems, computed once per text. */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(WORD)) {
    const norm = normalize(m[0])
    out.push({ norm, stemRu: stemRu(norm), stemEn: stemEn(norm), start: m.index, end: m.index + m[0].length })
  }
  return out
}

export const stemFor = (lang: 'ru' | 'en' | 'any') => (word: string) =>
  lang === 'en' ? stemEn(normalize(word)) : stemRu(normalize(word))
