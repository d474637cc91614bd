// The brief's own words, ready for the headline templates. Every term is a list of items (one per
// key phrase, fact …), each item a list of variants, longest first, so a template can pick the
// longest that fits the channel's limit. Nothing here is invented: a term the brief lacks is
// empty, and the templates that need it are skipped.
import type { Lang } from '../../../contracts/briefs'
import type { DraftingBrief } from '../types'
import {
  brandWords,
  clauses,
  clean,
  enPluralNoun,
  headChunk,
  restoreCase,
  ruAccusative,
  ruNominative,
  ruPluralNoun,
  shortenings,
  units,
  withArticle,
} from './phrases'
import { lc } from './text'
import { inputsOf } from '../../briefs/kind-inputs'

export type Terms = {
  /** P: the product, a noun phrase in mid-sentence casing ("CRM с автонапоминаниями"). */
  product: string[][]
  /** O: the product as an object: RU accusative ("онлайн-школу"), EN with its article ("a client portal"). */
  object: string[][]
  /** Whether a verb agrees with the product in the singular ("отличается", "is"). */
  singular: boolean
  /** T: the customer's task, an infinitive (RU) or base-form (EN) verb phrase. */
  task: string[][]
  /** X: what the customer wants less of, a noun phrase in the nominative ("неявки пациентов"). */
  pain: string[][]
  /** G: EN only, the task as a gerund ("getting a healthy dinner"); not for "stop …" tasks. */
  gerund: string[][]
  /** H: what the customer wants to stop doing: RU infinitive ("терять деньги"), EN gerund ("chasing clients"). */
  habit: string[][]
  /** A: the audience as a plural noun phrase in the nominative; empty when it is not one. */
  audience: string[][]
  /** K: the key phrases, for label positions ("K: how it works"); the product stands in without them. */
  topic: string[][]
  /** F: claims of the brief that carry a number, verbatim ("первые 5 км за 8 недель"). */
  facts: string[][]
  /** B: other claims of the offer ("отчёт о прибыли каждое утро в Telegram"). */
  perks: string[][]
  /** False when the task is the marketer's ("продать курс"): T then falls back to trying the product. */
  customerTask: boolean
}

const RU_INFINITIVE = /(ть|ться|ти|тись|чь|чься)$/
const RU_MARKETING =
  /^(продать|продавать|привлечь|привлекать|получить\s+(больше\s+)?(заявк|лид|клиент|продаж)|увеличить\s+(продажи|конверси|охват|выручку)|собрать\s+(заявк|лид)|продвинуть|прорекламировать|запустить\s+(рекламу|кампанию)|рассказать|анонсировать)/
const EN_MARKETING =
  /^(sell|promote|advertise|market|drive|generate|launch|announce|acquire|get\s+(more\s+)?(leads|sign-?ups|demos?|demo requests|trials|customers|sales)|increase\s+(sales|conversions?|sign-?ups))\b/i
const RU_LESS = /^(сократить|снизить|уменьшить|убрать|устранить|исключить|минимизировать)\s+(.+)$/
const RU_STOP = /^(перестать|прекратить|хватит|не)\s+(.+)$/
const EN_LESS =
  /^(cut|reduce|lower|lessen|decrease|minimi[sz]e|slash|avoid|eliminate|prevent|end|get rid of)\s+(?:the\s+|your\s+|our\s+)?(.+)$/i
const EN_SHRINK = /^(cut|reduce|lower|lessen|decrease|minimi[sz]e|slash)\s/i
const EN_STOP = /^(stop|quit)\s+(.+)$/i

const noDigits = (v: string) => !/\d/.test(v)
const one = (variants: string[]) => (variants.length ? [variants] : [])

export function extractTerms(brief: DraftingBrief): Terms {
  const lang = brief.lang
  const inputs = inputsOf('headlines', brief)
  const brands = brandWords([brief.audience, brief.task, brief.offer, ...(inputs.keyPhrases ?? [])])
  const keep = new Set(brands.values())
  const low = (s: string | undefined) => lc(clean(s), keep)

  // The offer: its name (before a relative clause or participle), then claims.
  const offer = clauses(brief.offer)
  const [headMain = '', ...headCommas] = (offer[0] ?? '').split(/,\s+/)
  const { name, rest } = splitName(headMain, lang)
  const article = lang === 'en' ? (/^(a|an|the)\s+/i.exec(name)?.[1] ?? null) : null
  const productName = low(name.replace(/^(a|an|the)\s+/i, ''))
  const quoted = /«[^»]+»|"[^"]+"|“[^”]+”/.exec(productName)?.[0] // the name alone: «Бег с нуля»
  const product = shortenings(productName, lang, { min: 1, max: 6 })
    .filter((v, i) => i === 0 || units(v).length >= 2 || /[a-zа-я][A-ZА-Я]|«/.test(v)) // "RemindCRM" alone, not "CRM"
    .concat(quoted && quoted !== productName ? [quoted] : [], bareNoun(productName, lang))
  const object = product.map((p) => (lang === 'ru' ? ruAccusative(p) : withArticle(p, article, brands)))

  // Claims: what follows the name ("re-plans routes in real time", "delivered weekly": two words
  // will do), the offer's other clauses (three words or more), and a comma piece of the name
  // ("…по SMS, WhatsApp и email") only if it carries a number.
  const claims = [
    { c: low(rest), min: 2 },
    ...offer.slice(1).map((c) => ({ c: low(c), min: 3 })),
    ...headCommas.map((c) => ({ c: low(c), min: Infinity })),
  ]
  // A shortened fact keeps its number's unit: not "занятия 1" from "занятия 1 на 1".
  const facts: string[][] = []
  const perks: string[][] = []
  for (const { c, min } of claims) {
    if (/\d/.test(c))
      facts.push(...one(shortenings(c, lang, { min: 2, max: 10 }).filter((v, i) => /\d/.test(v) && (i === 0 || !/\s[\d.,]+$/.test(v)))))
    else if (units(c).length >= min) perks.push(...one(shortenings(c, lang, { min, max: 8 })))
  }

  // The task: the customer's action, its pain, or (a marketer's task) trying the product.
  const task0 = low((clauses(brief.task)[0] ?? '').split(/,\s+/)[0])
  const first = units(task0)[0] ?? ''
  const customerTask =
    lang === 'ru'
      ? RU_INFINITIVE.test(first) && !RU_MARKETING.test(task0)
      : first !== '' && !/^(a|an|the)$/i.test(first) && !/(ing|tion|sion|ment)$/i.test(first) && !EN_MARKETING.test(task0)
  const task = customerTask
    ? shortenings(task0, lang, { min: Math.min(2, units(task0).length), max: 9 })
    : object.map((o) => (lang === 'ru' ? `попробовать ${o}` : `try ${o}`))
  const less = customerTask ? (lang === 'ru' ? RU_LESS : EN_LESS).exec(task0)?.[2] : undefined
  const stop = customerTask ? (lang === 'ru' ? RU_STOP : EN_STOP).exec(task0)?.[2] : undefined
  const shrink = lang === 'en' && EN_SHRINK.test(task0)
  const pain = less
    ? shortenings(lang === 'ru' ? ruNominative(less) : less, lang, { min: 1, max: 5 })
        .filter(noDigits)
        .map((p) => (shrink ? highCost(p) : p))
    : []
  const habit = stop ? shortenings(stop, lang, { min: 1, max: 6 }).filter(noDigits) : []

  // The audience: up to the first number ("женщины 25-40" -> "женщины"), only if it is a plural.
  const aud = units(low((clauses(brief.audience)[0] ?? '').split(/,\s+/)[0]))
  const digitAt = aud.findIndex((w) => /\d/.test(w))
  const audPhrase = (digitAt < 0 ? aud : aud.slice(0, digitAt)).join(' ')
  const audience = shortenings(audPhrase, lang, { min: 1, max: lang === 'ru' ? 4 : 6 })
    .flatMap((a) => [a, ...(lang === 'ru' ? withoutRuAdjectives(a) : [])])
    .filter((a, i, all) => all.indexOf(a) === i && (lang === 'ru' ? ruPluralNoun(a) : enPluralNoun(a)))

  const keys = (inputs.keyPhrases ?? [])
    .map((k) => restoreCase(clean(k), brands))
    .map((k) => shortenings(k, lang, { min: Math.min(2, units(k).length), max: 6 }))
  return {
    product: one(product),
    object: one(object),
    singular: !(lang === 'ru' ? ruPluralNoun : enPluralNoun)(product.at(-1) ?? ''),
    task: one(task),
    pain: one(pain),
    habit: one(habit),
    gerund: lang === 'en' && customerTask && !stop ? one(task.map(gerund)) : [],
    audience: one(audience),
    topic: keys.filter((k) => k.length),
    facts,
    perks,
    customerTask,
  }
}

/** "get a dinner" -> "getting a dinner", "cut costs" -> "cutting costs", "make" -> "making". */
export function gerund(phrase: string): string {
  return phrase.replace(/^[a-z]+/i, (v) => {
    if (/ie$/i.test(v)) return `${v.slice(0, -2)}ying`
    if (/[^aeio]e$/i.test(v) && !/ee$/i.test(v)) return `${v.slice(0, -1)}ing`
    if (/^[^aeiou]*[aeiou][^aeiouwxy]$/i.test(v)) return `${v}${v.at(-1)}ing`
    return `${v}ing`
  })
}

// "Tired of fuel costs?" reads as if the costs themselves were the problem; what you cut is how high they are.
const COSTLY = /^(costs?|spend(ing)?|bills?|fees?|prices?|expenses?|churn|turnover|overhead)$/i
const highCost = (pain: string) =>
  !/^(high|rising|\S+ing)\s/i.test(pain) && COSTLY.test(headChunk(pain, 'en').at(-1) ?? '') ? `high ${pain}` : pain

// A leading adjective a phrase can lose and stay grammatical: "healthy dinner kits" -> "dinner kits".
// Not any "-y" word: "delivery route planner" is not a route planner of some kind.
const EN_ADJ = /^([a-z]+(ful|ous|ive|less|able|ible|al|ic)|healthy|tasty|easy|fresh|new|smart|fast|simple|quick|local|online|busy)$/
const RU_ADJ_FIRST = /^[а-яё-]+(ая|яя|ый|ий|ой|ое|ее|ые|ие)$/

/** "владельцы частных стоматологий" -> "владельцы стоматологий": plural adjectives after the head go. */
function withoutRuAdjectives(phrase: string): string[] {
  const u = units(phrase)
  const kept = u.filter((w, i) => i === 0 || !/^[а-яё-]+(ых|их)$/.test(w))
  return kept.length >= 2 && kept.length < u.length ? [kept.join(' ')] : []
}

/** The product without its first adjective, when two or more words remain ("dinner kits"). */
function bareNoun(product: string, lang: Lang): string[] {
  const u = headChunk(product, lang)
  const adj = lang === 'ru' ? RU_ADJ_FIRST : EN_ADJ
  return u.length >= 3 && adj.test(u[0]!) && !/«|"/.test(product) ? [u.slice(1).join(' ')] : []
}

/** "Route planner that re-plans routes" -> name "Route planner", rest "re-plans routes". */
function splitName(head: string, lang: Lang): { name: string; rest: string } {
  const u = units(head)
  const rel = u.findIndex((w, i) => i > 0 && (lang === 'ru' ? /^котор(ый|ая|ое|ые)$/i : /^(that|which|who)$/i).test(w))
  if (rel > 0) return { name: u.slice(0, rel).join(' '), rest: u.slice(rel + 1).join(' ') }
  if (lang === 'en') {
    const p = headChunk(head, 'en').length
    if (p >= 2 && p < u.length && /ed$/.test(u[p]!)) return { name: u.slice(0, p).join(' '), rest: u.slice(p).join(' ') }
  }
  return { name: head, rest: '' }
}

const MISSING = {
  ru: {
    keys: 'Ключевые фразы: 3-5 слов или запросов, которые должны звучать в заголовках',
    numbers: 'Цифры: срок, результат или количество (из кейса) для заголовков с цифрой',
    task: 'Задача клиента как действие: что он хочет сделать («сократить неявки пациентов»), а не задача маркетинга',
    audience: 'Аудитория: кто покупает, во множественном числе («владельцы стоматологий»)',
  },
  en: {
    keys: 'Key phrases: 3-5 words or search terms the headlines should use',
    numbers: 'Numbers: a timeframe, result or count (from a case) for number headlines',
    task: 'The customer\'s task as an action ("cut patient no-shows"), not the marketing task',
    audience: 'Audience: who buys, as a plural ("owners of dental clinics")',
  },
} satisfies Record<Lang, Record<string, string>>

/** Brief fields the headlines would be better with; goes into the draft's `missing`. */
export function headlinesMissing(brief: DraftingBrief): string[] {
  const t = extractTerms(brief)
  const m = MISSING[brief.lang]
  const out: string[] = []
  if (!inputsOf('headlines', brief).keyPhrases?.length) out.push(m.keys)
  if (t.facts.length === 0 && !/\d/.test(brief.task)) out.push(m.numbers)
  if (!t.customerTask) out.push(m.task)
  if (t.audience.length === 0) out.push(m.audience)
  return out
}
