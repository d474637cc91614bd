// Phrase surgery for the headline templates: clauses, grammatical shortenings, brand casing,
// Russian case endings and the English article. Heuristics, kept deliberately small: a term
// that cannot be read safely is left out, so the template that needs it is skipped.
import type { Lang } from '../../../contracts/briefs'
import { aAn } from './text'

/** A word, or a whole quoted name («Бег с нуля») that must not be cut. */
const UNIT = /«[^»]*»|"[^"]*"|“[^”]*”|[^\s«"“]+/g
export const units = (s: string): string[] => s.match(UNIT) ?? []

export const clean = (s: string | undefined) =>
  (s ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,.;:—–-]+|[\s,.;:!?—–-]+$/gu, '')

/** Sentences and colon/dash/bracket parts; a dot inside a number ("1.5") does not split. */
export const clauses = (s: string): string[] =>
  s
    .split(/\s*(?:[:;!?()\n]|\.(?=\s|$)|\s[—–-]\s)\s*/u)
    .map(clean)
    .filter(Boolean)

// Words a phrase may be cut before: prepositions, conjunctions, relative words. Not "of":
// "owners of small firms" cut to "owners" loses who they are.
const BREAK: Record<Lang, ReadonlySet<string>> = {
  ru: new Set([
    'и',
    'или',
    'а',
    'но',
    'на',
    'в',
    'во',
    'за',
    'по',
    'с',
    'со',
    'для',
    'без',
    'до',
    'от',
    'из',
    'к',
    'ко',
    'у',
    'о',
    'об',
    'при',
    'через',
    'чтобы',
    'если',
    'где',
    'когда',
    'что',
    'который',
    'которая',
    'которое',
    'которые',
    'которых',
    '—',
    '–',
    '-',
  ]),
  en: new Set([
    'and',
    'or',
    'but',
    'on',
    'in',
    'at',
    'by',
    'for',
    'with',
    'without',
    'to',
    'from',
    'per',
    'so',
    'that',
    'which',
    'who',
    'where',
    'when',
    'if',
    'via',
    'into',
    'across',
    'over',
    'under',
    'within',
    'while',
    '—',
    '–',
    '-',
  ]),
}

/** An English participle after the head noun ("kits delivered weekly") also ends the noun phrase. */
const participle = (w: string, i: number) => i >= 2 && /^[a-z]{3,}ed$/.test(w) && !/eed$/.test(w)

export const isBreak = (w: string, lang: Lang, i: number) => BREAK[lang].has(w.toLowerCase()) || (lang === 'en' && participle(w, i))

/**
 * The phrase and its grammatical shortenings, longest first: cut only before a break word, never
 * ending on one, between `min` and `max` words. "сократить неявки пациентов на 30%" ->
 * [that, "сократить неявки пациентов"].
 */
export function shortenings(phrase: string, lang: Lang, { min = 2, max = 7 } = {}): string[] {
  const u = units(phrase)
  const out: string[] = []
  for (let i = u.length; i >= Math.max(1, Math.min(min, u.length)); i--) {
    if (i < u.length && !isBreak(u[i]!, lang, i)) continue
    if (i > max || isBreak(u[i - 1]!, lang, i - 1)) continue
    const v = clean(u.slice(0, i).join(' '))
    if (v && !out.includes(v)) out.push(v)
  }
  return out
}

/** The words before the first break: where the head noun of an English phrase is. */
export const headChunk = (phrase: string, lang: Lang): string[] => {
  const u = units(phrase)
  const i = u.findIndex((w, n) => n > 0 && isBreak(w, lang, n))
  return i < 0 ? u : u.slice(0, i)
}

/**
 * Words spelled with capitals on purpose: inner capitals (WhatsApp, CRM) or a capital that is not
 * sentence-initial (Wildberries in "селлеры Wildberries"). They keep their casing everywhere.
 */
export function brandWords(texts: string[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const t of texts) {
    for (const clause of t.split(/[.!?:;\n«"“]\s*/)) {
      const ws = clause.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []
      ws.forEach((w, i) => {
        if (/\p{Lu}/u.test(w.slice(1)) || (i > 0 && /^\p{Lu}/u.test(w))) out.set(w.toLowerCase(), w)
      })
    }
  }
  return out
}

/** "crm для стоматологии" -> "CRM для стоматологии" when the brief spells it so. */
export const restoreCase = (s: string, brands: Map<string, string>) =>
  s.replace(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu, (w) => brands.get(w.toLowerCase()) ?? w)

const RU_ADJ = /(ая|яя|ый|ий|ой|ое|ее|ые|ие)$/

/** The head noun of a Russian noun phrase: the first word that is not an adjective. */
const ruHead = (phrase: string) => units(phrase).find((w) => !RU_ADJ.test(w)) ?? ''

const RU_PLURAL_WORDS = new Set(['люди', 'дети', 'директора', 'учителя', 'доктора', 'мастера', 'продавцы', 'владельцы'])
export const ruPluralNoun = (phrase: string) => {
  const h = ruHead(phrase).toLowerCase()
  return /^[а-яё-]+[ыи]$/.test(h) || RU_PLURAL_WORDS.has(h)
}

/**
 * Accusative of a feminine phrase ("облачная касса" -> "облачную кассу"); masculine and neuter
 * inanimate and plural phrases, Latin names and brands are already right in the nominative.
 */
export function ruAccusative(phrase: string): string {
  return ruRecase(
    phrase,
    [
      [/ая$/, 'ую'],
      [/яя$/, 'юю'],
    ],
    [
      [/(?<!м)а$/, 'у'],
      [/(?<!м)я$/, 'ю'],
    ],
  )
}

/** The reverse, for the object of "сократить": "текучку кадров" -> "текучка кадров". */
export function ruNominative(phrase: string): string {
  return ruRecase(
    phrase,
    [
      [/ую$/, 'ая'],
      [/юю$/, 'яя'],
    ],
    [
      [/у$/, 'а'],
      [/(?<!н)ю$/, 'я'],
    ],
  )
}

type Rule = [RegExp, string]
function ruRecase(phrase: string, adj: Rule[], noun: Rule[]): string {
  const u = units(phrase)
  for (let i = 0; i < u.length; i++) {
    const w = u[i]!
    if (!/^[а-яё-]+$/.test(w)) break // Latin, a capitalised name, a quote: leave the rest alone
    if (RU_ADJ.test(w)) {
      u[i] = adj.reduce((s, [re, to]) => s.replace(re, to), w)
      continue
    }
    u[i] = noun.reduce((s, [re, to]) => s.replace(re, to), w)
    break
  }
  return u.join(' ')
}

const EN_MASS = new Set([
  'software',
  'analytics',
  'data',
  'coaching',
  'training',
  'insurance',
  'support',
  'advice',
  'help',
  'equipment',
  'content',
  'research',
  'feedback',
  'hosting',
  'storage',
  'furniture',
  'food',
  'access',
  'logistics',
  'accounting',
  'bookkeeping',
  'payroll',
  'delivery',
  'tutoring',
  'therapy',
  'consulting',
  'marketing',
])
const EN_PLURAL_WORDS = new Set(['people', 'staff', 'children', 'men', 'women', 'teams', 'folks'])

export const enPluralNoun = (phrase: string, lang: Lang = 'en') => {
  const h = (headChunk(phrase, lang).at(-1) ?? '').toLowerCase()
  return (/[^s]s$/.test(h) && !/ics$/.test(h)) || EN_PLURAL_WORDS.has(h)
}

/**
 * The phrase as an object in a sentence: the brief's own article ("a"/"an" re-agreed, "the"
 * kept); none for plurals, mass nouns and brands; otherwise "a"/"an".
 */
export function withArticle(phrase: string, article: string | null, brands: Map<string, string>): string {
  const art = article?.toLowerCase()
  if (art === 'the') return `the ${phrase}`
  if (art === 'a' || art === 'an') return `${aAn(phrase)} ${phrase}`
  const first = units(phrase)[0] ?? ''
  const head = (headChunk(phrase, 'en').at(-1) ?? '').toLowerCase()
  const brand = /^[«"“]/.test(first) || /[a-z]\p{Lu}/u.test(first) || (brands.has(first.toLowerCase()) && !/^[A-Z]+$/.test(first))
  if (brand || enPluralNoun(phrase) || EN_MASS.has(head)) return phrase
  return `${aAn(phrase)} ${phrase}`
}
