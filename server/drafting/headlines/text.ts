// Text helpers shared by the headline engine and the finishing step: counting as ad platforms
// count, normalised words and stems for comparing headlines, casing, Russian numeral agreement
// and the English article.
import { stemWord } from '../../policy/tokens'
import { ruPlural } from '../ru-plural'

/** Characters as ad platforms count them: Unicode code points, not UTF-16 units. */
export const codePoints = (s: string) => [...s].length

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

const WORD = /[\p{L}\p{N}]+(?:[-'’%][\p{L}\p{N}]*)*/gu

/** Lower-cased words with ё folded to е, punctuation dropped ("30%" and "no-show" stay whole). */
export const normWords = (s: string): string[] => s.toLowerCase().replace(/ё/g, 'е').match(WORD) ?? []

/** Word pairs within one text, over normalised words. */
export const bigrams = (s: string): string[] => {
  const w = normWords(s)
  return w.slice(1).map((x, i) => `${w[i]} ${x}`)
}

/** The shared stem (policy/tokens): Snowball by script, Russian fleeting vowels folded. */
export const stem = stemWord

/** Upper-cases the first letter, skipping an opening quote or bracket. */
export const cap = (s: string) => s.replace(/^([«"“'(]*)(\p{Ll})/u, (_, q: string, c: string) => q + c.toLocaleUpperCase())

/**
 * Lower-cases the first letter of an ordinary capitalised word ("Сервис" -> "сервис"); acronyms
 * and brands ("CRM", "WhatsApp") keep their spelling, and so does any word in `keep`.
 */
export function lc(s: string, keep: ReadonlySet<string> = new Set()): string {
  const m = /^\p{Lu}[\p{Ll}-]*(?=[\s,.:;!?»"]|$)/u.exec(s)
  return m && !keep.has(m[0]) ? s[0]!.toLocaleLowerCase() + s.slice(1) : s
}

const RU_NOUNS: Record<string, readonly [string, string, string]> = {
  причина: ['причина', 'причины', 'причин'],
  способ: ['способ', 'способа', 'способов'],
  шаг: ['шаг', 'шага', 'шагов'],
  ошибка: ['ошибка', 'ошибки', 'ошибок'],
  вопрос: ['вопрос', 'вопроса', 'вопросов'],
}

/** "3 причины", "5 способов", "21 шаг". */
export function ruCount(n: number, noun: keyof typeof RU_NOUNS): string {
  return `${n} ${ruPlural(n, RU_NOUNS[noun]!)}`
}

// Words whose first letter is a vowel but whose sound is not, and the reverse (an hour, an SMS).
const A_BEFORE = /^(uni|use|usu|uti|eu|one|once|ubiq)/i
const AN_BEFORE = /^(hour|honest|honou?r|heir)/i
const AN_LETTERS = /^[AEFHILMNORSX]$/

/** "a" or "an" for the phrase that follows: by sound, with letter-by-letter acronyms ("an SMS"). */
export function aAn(phrase: string): 'a' | 'an' {
  const w = /^[\p{L}\d]+/u.exec(phrase.trim())?.[0] ?? ''
  if (!w) return 'a'
  if (/^\d/.test(w)) return /^(8|11|18)(\D|$)|^8\d/.test(w) ? 'an' : 'a'
  if (w.length > 1 && /^[A-Z]+$/.test(w)) return AN_LETTERS.test(w[0]!) ? 'an' : 'a'
  if (AN_BEFORE.test(w)) return 'an'
  if (A_BEFORE.test(w)) return 'a'
  return /^[aeiou]/i.test(w) ? 'an' : 'a'
}
