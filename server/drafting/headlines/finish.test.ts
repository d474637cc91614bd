import { describe, expect, it } from 'vitest'
import { HeadlinesDraft, type HeadlineAngle } from '../../../contracts/drafts'
import { containment, distinct2, finishHeadlines, nearDuplicate, trigramSimilarity, wordSimilarity } from './finish'
import { headlineIssues, headlinesReplySchema } from './validate'

const raw = (...hs: [HeadlineAngle, string][]) => ({ headlines: hs.map(([angle, text]) => ({ angle, text })) })
const opts = { count: 10, maxLength: 56, channel: 'search_ad', lang: 'ru' as const }

// Pairs a writer would call the same headline, and pairs that test different things on the same
// product. The thresholds sit between: the duplicates score >= 0.6 on stems, >= 0.8 on containment
// or >= 0.7 on trigrams; the different pairs stay <= 0.38, <= 0.6 and <= 0.47.
const SAME: [string, string][] = [
  ['Хотите сократить неявки пациентов?', 'Пора сократить неявки пациентов'], // one frame word apart
  ['Как сократить неявки пациентов', 'Как сократить неявки пациентов на 30%'],
  ['Сократите неявки пациентов с CRM', 'Сокращайте неявки пациентов с помощью CRM'],
  ['Отчёт о прибыли каждое утро', 'Каждое утро — отчёт о прибыли'], // reordered
  ['Cut patient no-shows with automatic reminders', 'Cut patient no-shows with automated reminders'],
  ['How to cut fuel costs', 'How to cut your fuel costs fast'],
  ['Tired of chasing clients for documents?', 'Still chasing clients for documents?'],
  ['Dinner in 20 minutes, delivered weekly', 'Delivered weekly: dinner in 20 minutes'],
  ['Collects documents', 'Collects documents and e-signatures automatically'], // contained
  ['Route planner for logistics teams', 'Route-planner for logistics teams'], // spelling
]
const DIFFERENT: [string, string][] = [
  ['Хотите сократить неявки пациентов?', 'Неявки пациентов? Есть решение'],
  ['Как сократить неявки пациентов', 'Почему владельцы клиник выбирают CRM'],
  ['5 способов сократить неявки пациентов', 'Пациенты подтверждают визит в один клик'],
  ['CRM для стоматологии: как это работает', 'CRM для стоматологии: подводные камни'],
  ['Что на самом деле мешает начать бегать', 'Как женщины смогли начать бегать'],
  ['Tired of high fuel costs?', 'How others cut fuel costs'],
  ['Route planning software: how it works', 'Route planning software: pros and cons'],
  ['Want to cut fuel costs?', 'What really keeps you from cutting fuel costs?'],
  ['Made for busy parents', 'Why busy parents choose dinner kits'],
  ['Client portal: how it works', 'Client portal vs. the old way'],
]

describe('near-duplicates', () => {
  it.each(SAME)('same: %s / %s', (a, b) => expect(nearDuplicate(a, b)).toBe(true))
  it.each(DIFFERENT)('different: %s / %s', (a, b) => expect(nearDuplicate(a, b)).toBe(false))
  it('keeps a margin on both sides of every threshold', () => {
    for (const [a, b] of DIFFERENT) {
      expect(wordSimilarity(a, b)).toBeLessThanOrEqual(0.4)
      expect(containment(a, b)).toBeLessThanOrEqual(0.6)
      expect(trigramSimilarity(a, b)).toBeLessThanOrEqual(0.5)
    }
  })
  it('folds ё and case, ignores punctuation', () => {
    expect(nearDuplicate('Отчёт о прибыли — каждое утро!', 'отчет о прибыли каждое утро')).toBe(true)
    // fleeting vowels: "неявки" and "неявок" are one word
    expect(nearDuplicate('Неявки пациентов: как сократить', 'Неявок пациентов: как сократить')).toBe(true)
  })
})

describe('distinct2', () => {
  it('is distinct word pairs over all word pairs, within each headline', () => {
    expect(distinct2(['a b c', 'a b d'])).toBe(3 / 4) // "a b" twice
    expect(distinct2(['Как сократить неявки', 'Хотите сократить неявки?'])).toBe(3 / 4)
    expect(distinct2(['x y', 'y z'])).toBe(1) // no pair across headlines
    expect(distinct2(['Ёлка, ёлка', 'елка елка'])).toBe(1 / 2)
    expect(distinct2(['one', 'two'])).toBe(1)
    expect(distinct2([])).toBe(1)
  })
})

describe('finishing', () => {
  it('normalises, measures in code points and drops what exceeds the limit', () => {
    const long = 'Сократите неявки пациентов вдвое с автонапоминаниями по SMS и WhatsApp' // 70
    const d = finishHeadlines(
      raw(['benefit', '  Неявки   пациентов? Есть решение  '], ['pain', long], ['question', '«Хотите меньше неявок?»']),
      opts,
    )
    expect(d.headlines).toEqual([
      { text: 'Неявки пациентов? Есть решение', angle: 'benefit', length: 30 },
      { text: 'Хотите меньше неявок?', angle: 'question', length: 21 },
    ])
    expect(d.dropped).toEqual([{ text: long, angle: 'pain', reason: 'too_long', detail: '70 > 56' }])
    expect(finishHeadlines(raw(['benefit', 'Ёлки 🎄 к празднику']), { ...opts, maxLength: 18 }).headlines[0]!.length).toBe(18) // 19 UTF-16 units
  })

  it('drops a near-duplicate of a kept headline and names the kept one', () => {
    const d = finishHeadlines(
      raw(
        ['question', 'Хотите сократить неявки пациентов?'],
        ['urgency', 'Пора сократить неявки пациентов'],
        ['pain', 'Неявки пациентов? Есть решение'],
      ),
      opts,
    )
    expect(d.headlines.map((h) => h.angle)).toEqual(['question', 'pain'])
    expect(d.dropped).toEqual([
      { text: 'Пора сократить неявки пациентов', angle: 'urgency', reason: 'near_duplicate', detail: 'Хотите сократить неявки пациентов?' },
    ])
  })

  it('keeps at most count, one angle per round, angles in first-seen order', () => {
    const input = raw(
      ['benefit', 'Пациенты подтверждают визит в один клик'],
      ['benefit', 'CRM с автонапоминаниями для клиник'],
      ['benefit', 'Напоминания о записи без звонков'],
      ['pain', 'Неявки пациентов? Есть решение'],
      ['pain', 'Пустые кресла из-за забытых визитов'],
      ['how_to', 'Как настроить напоминания о визите'],
    )
    const d = finishHeadlines(input, { ...opts, count: 4 })
    expect(d.headlines.map((h) => h.text)).toEqual([
      'Пациенты подтверждают визит в один клик',
      'Неявки пациентов? Есть решение',
      'Как настроить напоминания о визите',
      'CRM с автонапоминаниями для клиник',
    ])
    expect(d.dropped).toEqual([])
    expect(d.distinct2).toBe(1)
    expect(() => HeadlinesDraft.parse(d)).not.toThrow()
  })

  it('suggests the top benefit against the top pain, else the first two angles', () => {
    const both = finishHeadlines(
      raw(
        ['question', 'Хотите меньше неявок?'],
        ['pain', 'Неявки пациентов? Есть решение'],
        ['benefit', 'Пациенты подтверждают визит в один клик'],
      ),
      opts,
    )
    expect(both.abPair).toEqual({ a: 2, b: 1, why: expect.stringMatching(/^Выгода против боли/) })
    const en = finishHeadlines(
      raw(
        ['how_to', 'How to cut fuel costs'],
        ['how_to', 'Route planning, step by step'],
        ['curiosity', 'What nobody tells you about routes'],
      ),
      { ...opts, lang: 'en' },
    )
    expect(en.abPair).toEqual({ a: 0, b: 1, why: 'How-to vs curiosity: which angle this audience responds to' })
    expect(finishHeadlines(raw(['benefit', 'One'], ['benefit', 'Two different words']), opts).abPair).toBeNull()
    expect(finishHeadlines(raw(['benefit', 'Один заголовок']), opts).abPair).toBeNull()
  })

  it("passes the brief's missing fields through", () => {
    expect(finishHeadlines(raw(['benefit', 'Один заголовок']), { ...opts, missing: ['Ключевые фразы'] }).missing).toEqual([
      'Ключевые фразы',
    ])
  })
})

describe('reply validation', () => {
  const tooLong = 'Сократите неявки пациентов вдвое с автонапоминаниями по SMS и WhatsApp'
  it('accepts a reply when at least half the count survives', () => {
    const ok = raw(['benefit', 'Пациенты подтверждают визит'], ['pain', 'Неявки пациентов? Есть решение'], ['pain', tooLong])
    expect(headlineIssues(ok, { ...opts, count: 4 })).toEqual([])
  })
  it('tells the model which headlines were too long and which repeated another', () => {
    const bad = raw(['benefit', 'Хотите сократить неявки пациентов?'], ['urgency', 'Пора сократить неявки пациентов'], ['pain', tooLong])
    expect(headlineIssues(bad, { ...opts, count: 6 })).toEqual([
      'headlines: only 1 usable headlines of 3; return at least 3 (6 were asked), each at most 56 characters and each a different wording or angle',
      'headlines.1.text: repeats "Хотите сократить неявки пациентов?"; test another angle or use other words',
      'headlines.2.text: 70 characters, the limit for search_ad is 56',
    ])
    const parsed = headlinesReplySchema({ ...opts, count: 6 }).safeParse(bad)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['headlines', 'headlines.1.text', 'headlines.2.text'])
  })
})
