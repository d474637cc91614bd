import type { OfferDraft } from '../../../contracts/runs'
import type { DraftingTask } from '../types'
import { ONE_LINER_MAX, words } from './text'
import { inputsOf } from '../../briefs/kind-inputs'

const L = {
  ru: {
    timeframe: '[срок: уточнить]',
    method: '[метод: уточнить]',
    difference: '[отличие: уточнить]',
    proofNeeded: 'Нужно доказательство: кейс с цифрами до/после, отзыв клиента, сертификат или демо',
    missing: {
      timeframe: 'Срок результата: за какое время клиент получит результат?',
      method: 'Метод: как именно мы решаем задачу?',
      differentiator: 'Отличие: чем мы отличаемся от альтернатив?',
      proofs: 'Доказательства: кейсы, цифры, отзывы, сертификаты',
    },
    within: (t: string) => (/^(за|в течение|до|через)\s/i.test(t) ? t : `за ${t}`),
    v1: (o: Parts) => `${cap(o.product)} для аудитории «${o.forWhom}»: ${lc(o.task)} ${o.when}. ${cap(o.method)}. ${cap(o.difference)}.`,
    v2: (o: Parts) =>
      `${cap(o.task)} ${o.when} — ${lc(o.product)}. Для кого: ${lc(o.forWhom)}. Как: ${lc(o.method)}. ${cap(o.difference)}.`,
    v3: (o: Parts) => `${cap(o.forWhom)}: ${lc(o.task)} ${o.when}. ${cap(o.product)} — ${lc(o.method)}. ${cap(o.difference)}.`,
    short: [
      (o: Parts) => `${cap(o.product)}: ${lc(o.task)} ${o.when}`,
      (o: Parts) => `${cap(o.task)} ${o.when} — ${lc(o.product)}`,
      (o: Parts) => `${cap(o.forWhom)}: ${lc(o.task)} ${o.when}`,
    ],
  },
  en: {
    timeframe: '[timeframe: to be confirmed]',
    method: '[method: to be confirmed]',
    difference: '[difference: to be confirmed]',
    proofNeeded: 'Proof needed: a case with before/after numbers, a customer review, a certificate or a demo',
    missing: {
      timeframe: 'Timeframe: how soon does the customer get the result?',
      method: 'Method: how exactly do we solve the task?',
      differentiator: 'Difference: how are we different from the alternatives?',
      proofs: 'Proofs: cases, numbers, reviews, certificates',
    },
    within: (t: string) => (/^(in|within|by|under)\s/i.test(t) ? t : `in ${t}`),
    v1: (o: Parts) => `${cap(o.product)} for ${o.forWhom}: ${lc(o.task)} ${o.when}. ${cap(o.method)}. ${cap(o.difference)}.`,
    v2: (o: Parts) => `${cap(o.task)} ${o.when} with ${lc(o.product)}. For ${o.forWhom}. How: ${lc(o.method)}. ${cap(o.difference)}.`,
    v3: (o: Parts) => `${cap(o.forWhom)}: ${lc(o.task)} ${o.when}. ${cap(o.product)} does it with ${lc(o.method)}. ${cap(o.difference)}.`,
    short: [
      (o: Parts) => `${cap(o.product)}: ${lc(o.task)} ${o.when}`,
      (o: Parts) => `${cap(o.task)} ${o.when} with ${lc(o.product)}`,
      (o: Parts) => `${cap(o.forWhom)}: ${lc(o.task)} ${o.when}`,
    ],
  },
}

type Parts = { product: string; forWhom: string; task: string; when: string; method: string; difference: string }

const cap = (s: string) => (s ? s[0]!.toLocaleUpperCase() + s.slice(1) : s)
// Lower-case the first letter only of an ordinary capitalised word ("Cut" -> "cut"); acronyms and
// brand names with capitals inside ("CRM", "RemindCRM", "iPhone") keep their spelling.
const lc = (s: string) => (/^\p{Lu}[\p{Ll}-]*(?=[\s,.:;!?]|$)/u.test(s) ? s[0]!.toLocaleLowerCase() + s.slice(1) : s)
const clean = (s: string | undefined) =>
  (s ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!;,\s]+$/u, '')
/** The first clause: what fits in a spoken sentence. */
const firstClause = (s: string) => clean(s.split(/[.;:\n(]|\s[—–-]\s/u)[0])

/**
 * The offer formula filled from the brief, three framings (formula order, outcome first,
 * difference first). Blank parts stay visibly blank and are listed in `missing`; proofs come
 * only from the brief, otherwise a "proof needed" item: the engine never invents a fact.
 */
export function offerOffline(task: DraftingTask): OfferDraft {
  const lang = task.brief.lang
  const t = L[lang]
  const inputs = inputsOf('offer', task.brief)
  const timeframe = clean(inputs.timeframe)
  const method = clean(inputs.method)
  const difference = clean(inputs.differentiator)
  const parts: Parts = {
    product: clean(inputs.product) || firstClause(task.brief.offer),
    forWhom: firstClause(task.brief.audience),
    task: firstClause(task.brief.task),
    when: timeframe ? t.within(timeframe) : t.timeframe,
    method: method || t.method,
    difference: difference || t.difference,
  }
  const base = {
    forWhom: parts.forWhom,
    task: parts.task,
    timeframe: timeframe || t.timeframe,
    method: parts.method,
    difference: parts.difference,
  }
  const variants = [t.v1, t.v2, t.v3].map((fill, n) => {
    const pitch = fill(parts)
    return { ...base, oneLiner: fitOneLiner(t.short[n]!(parts)), pitch }
  })

  const missing: string[] = []
  if (!timeframe) missing.push(t.missing.timeframe)
  if (!method) missing.push(t.missing.method)
  if (!difference) missing.push(t.missing.differentiator)
  const proofs: OfferDraft['proofs'] = (inputs.proofs ?? []).map((claim) => ({ claim: clean(claim), status: 'given' }))
  if (proofs.length === 0) {
    missing.push(t.missing.proofs)
    proofs.push({ claim: t.proofNeeded, status: 'needed' })
  }
  if (task.feedback) variants.reverse() // a redraft leads with a different framing
  return { variants, proofs, missing }
}

/** The 10-second test: at most ONE_LINER_MAX characters, cut at a word boundary. */
function fitOneLiner(short: string): string {
  if (short.length <= ONE_LINER_MAX) return short
  let out = ''
  for (const w of words(short)) {
    if ((out ? out.length + 1 : 0) + w.length > ONE_LINER_MAX - 1) break
    out = out ? `${out} ${w}` : w
  }
  return `${out}…`
}
