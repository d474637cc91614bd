import { stemmer as stemEn } from '@orama/stemmers/english'
import { stemmer as stemRu } from '@orama/stemmers/russian'

export type Token = { norm: string; stemRu: string; stemEn: string; start: number; end: number }

/** Lower case, ё as е: how Russian copy is actually spelled varies. */
export const normalize = (s: string) => s.toLowerCase().replace(/ё/g, 'е')

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
