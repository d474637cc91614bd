// Finishing a headline set, the same for a model's reply and the offline engine's: normalise,
// drop what exceeds the channel's limit or repeats a kept headline, keep `count` with as many
// angles as possible, measure phrase variety and suggest the first A/B pair.
import type { HeadlineAngle, HeadlinesDraft } from '../../../contracts/drafts'
import type { FinishOptions, RawHeadlines } from './schema'
import { bigrams, codePoints, normWords, squash, stem } from './text'

export { codePoints } from './text'

/**
 * Near-duplicate thresholds, any one of which makes two headlines one hypothesis (the pairs are
 * in finish.test.ts). Jaccard of stemmed word sets >= 0.6: the same 3-4 words under one other
 * frame word ("Хотите сократить неявки пациентов?" / "Пора сократить неявки пациентов" = 0.6),
 * while different headlines on the same product share 1-2 words and score <= 0.38.
 * Containment (shared stems over the smaller set, 2+ words) >= 0.8: a headline repeated inside a
 * longer one ("Collects documents" / "… and e-signatures automatically", Jaccard 0.4); different
 * pairs reach 0.6. Character-trigram Jaccard >= 0.7: spelling variants and fused words the
 * stemmer misses ("Route planner" / "Route-planner" = 0.83); different pairs stay <= 0.47.
 * Stems are the shared ones (policy/tokens), with Russian fleeting vowels folded (неявки / неявок).
 */
export const WORD_JACCARD = 0.6
export const CONTAINMENT = 0.8
export const TRIGRAM_JACCARD = 0.7

const jaccard = <T>(a: Set<T>, b: Set<T>) => {
  let common = 0
  for (const x of a) if (b.has(x)) common++
  const union = a.size + b.size - common
  return union === 0 ? 1 : common / union
}
const stemSet = (s: string) => new Set(normWords(s).map(stem))
const trigrams = (s: string) => {
  const t = ` ${normWords(s).join(' ')} `
  const out = new Set<string>()
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3))
  return out
}

export const wordSimilarity = (a: string, b: string) => jaccard(stemSet(a), stemSet(b))
/** Shared stems over the smaller set; 0 when the smaller has fewer than 2 words. */
export const containment = (a: string, b: string) => {
  const [x, y] = [stemSet(a), stemSet(b)]
  const small = x.size <= y.size ? x : y
  const big = small === x ? y : x
  if (small.size < 2) return 0
  let common = 0
  for (const w of small) if (big.has(w)) common++
  return common / small.size
}
export const trigramSimilarity = (a: string, b: string) => jaccard(trigrams(a), trigrams(b))

export function nearDuplicate(a: string, b: string): boolean {
  return wordSimilarity(a, b) >= WORD_JACCARD || containment(a, b) >= CONTAINMENT || trigramSimilarity(a, b) >= TRIGRAM_JACCARD
}

/** Distinct word bigrams / all word bigrams, within each headline, over normalised words; 1 when none. */
export function distinct2(texts: string[]): number {
  const all = texts.flatMap(bigrams)
  return all.length === 0 ? 1 : new Set(all).size / all.length
}

/** Whitespace squeezed, a quote wrapping the whole headline removed. */
export const normalizeHeadline = (s: string) =>
  squash(s).replace(/^(["«“'])(.*)(["»”'])$/su, (m, _o, inner: string) => (/["«»“”]/.test(inner) ? m : inner.trim()))

export type Candidate = { index: number; text: string; angle: HeadlineAngle; length: number }
export type Dropped = Candidate & { reason: 'too_long' | 'near_duplicate'; detail: string }

/**
 * The selection: over-limit headlines out, then round-robin over the angles in first-seen order,
 * each angle offering its next headline that repeats none kept so far, until `count` are kept.
 */
export function selectHeadlines(
  raw: RawHeadlines,
  opts: Pick<FinishOptions, 'count' | 'maxLength'>,
): { kept: Candidate[]; dropped: Dropped[] } {
  const dropped: Dropped[] = []
  const queues = new Map<HeadlineAngle, Candidate[]>()
  raw.headlines.forEach((h, index) => {
    const text = normalizeHeadline(h.text)
    if (!text) return
    const c = { index, text, angle: h.angle, length: codePoints(text) }
    if (c.length > opts.maxLength) dropped.push({ ...c, reason: 'too_long', detail: `${c.length} > ${opts.maxLength}` })
    else queues.set(h.angle, [...(queues.get(h.angle) ?? []), c])
  })
  const kept: Candidate[] = []
  while (kept.length < opts.count && queues.size > 0) {
    for (const [angle, queue] of queues) {
      if (kept.length >= opts.count) break
      for (let c = queue.shift(); c; c = queue.shift()) {
        const twin = kept.find((k) => nearDuplicate(k.text, c!.text))
        if (!twin) {
          kept.push(c)
          break
        }
        dropped.push({ ...c, reason: 'near_duplicate', detail: twin.text })
      }
      if (queue.length === 0) queues.delete(angle)
    }
  }
  return { kept, dropped: dropped.sort((a, b) => a.index - b.index) }
}

const LABEL: Record<'ru' | 'en', Record<HeadlineAngle, string>> = {
  ru: {
    benefit: 'выгода',
    pain: 'боль',
    number: 'цифры',
    question: 'вопрос',
    social_proof: 'опыт других',
    urgency: 'срочность',
    how_to: 'инструкция',
    comparison: 'сравнение',
    curiosity: 'интрига',
  },
  en: {
    benefit: 'benefit',
    pain: 'pain',
    number: 'numbers',
    question: 'question',
    social_proof: 'social proof',
    urgency: 'urgency',
    how_to: 'how-to',
    comparison: 'comparison',
    curiosity: 'curiosity',
  },
}
const WHY = {
  ru: {
    benefitPain: 'Выгода против боли: что сильнее мотивирует эту аудиторию — результат или избавление от проблемы',
    other: (a: string, b: string) => `«${a}» или «${b}»: какой заход сильнее цепляет эту аудиторию`,
  },
  en: {
    benefitPain: 'Benefit vs pain: which motivates this audience more — the gain or the problem it removes',
    other: (a: string, b: string) => `${a} vs ${b}: which angle this audience responds to`,
  },
}
const capFirst = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1)

/** The first A/B test: the top benefit against the top pain, else the first two different angles. */
export function chooseAbPair(kept: { angle: HeadlineAngle }[], lang: 'ru' | 'en'): HeadlinesDraft['abPair'] {
  const benefit = kept.findIndex((h) => h.angle === 'benefit')
  const pain = kept.findIndex((h) => h.angle === 'pain')
  if (benefit >= 0 && pain >= 0) return { a: benefit, b: pain, why: WHY[lang].benefitPain }
  const b = kept.findIndex((h) => h.angle !== kept[0]?.angle)
  if (b < 0) return null
  return { a: 0, b, why: WHY[lang].other(capFirst(LABEL[lang][kept[0]!.angle]), LABEL[lang][kept[b]!.angle]) }
}

export function finishHeadlines(raw: RawHeadlines, opts: FinishOptions): HeadlinesDraft {
  const { kept, dropped } = selectHeadlines(raw, opts)
  return {
    channel: opts.channel,
    maxLength: opts.maxLength,
    headlines: kept.map(({ text, angle, length }) => ({ text, angle, length })),
    dropped: dropped.map(({ text, angle, reason, detail }) => ({ text, angle, reason, detail })),
    distinct2: distinct2(kept.map((k) => k.text)),
    abPair: chooseAbPair(kept, opts.lang),
    missing: opts.missing ?? [],
  }
}
