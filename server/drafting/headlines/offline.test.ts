import { describe, expect, it } from 'vitest'
import { HeadlinesDraft } from '../../../contracts/drafts'
import type { DraftingBrief, DraftingBriefOf } from '../types'
import { finishHeadlines, nearDuplicate } from './finish'
import { BRIEFS, LIMITS } from './fixtures'
import { headlinesOffline } from './offline'
import { RawHeadlines } from './schema'
import { headlinesMissing } from './terms'
import { normWords, stem } from './text'

const draft = (brief: DraftingBrief, channel: keyof typeof LIMITS, count = 10) => {
  const maxLength = LIMITS[channel]
  return finishHeadlines(headlinesOffline(brief, { count, maxLength }), {
    count,
    maxLength,
    channel,
    lang: brief.lang,
    missing: headlinesMissing(brief),
  })
}

// Claims the engine may never make up: superlatives, guarantees, rankings, counts of customers.
const INVENTED =
  /лучш|самы[йеях]|№\s?1|номер один|гарант|100\s?%|миллион|тысяч[иа]? клиент|\bbest\b|#1|number one|guarantee|top-rated|leading|\bmost\b|thousands of|\d+\s?(клиент|customers|users|компаний|companies)/i
// Listicle counts are not claims; any other number must come from the brief.
const LISTICLE = /^(\d+) (способ|причин|шаг|ways|reasons|steps)/i
const stems = (s: string) =>
  new Set(
    normWords(s)
      .map(stem)
      .filter((w) => w.length >= 3 || /\d/.test(w)),
  )

describe.each(Object.entries(BRIEFS))('offline headlines for %s', (_, brief) => {
  const briefText = [brief.audience, brief.task, brief.offer, ...(brief.inputs.keyPhrases ?? [])].join(' ')
  const briefStems = stems(briefText)
  const briefNumbers = new Set(briefText.match(/\d+/g) ?? [])

  it.each(Object.keys(LIMITS) as (keyof typeof LIMITS)[])('on %s: a full, varied, honest set', (channel) => {
    const d = HeadlinesDraft.parse(draft(brief, channel))
    const texts = d.headlines.map((h) => h.text)
    if (LIMITS[channel] >= 56) expect(d.headlines).toHaveLength(10)
    else expect(d.headlines.length).toBeGreaterThanOrEqual(8)
    for (const h of d.headlines) {
      expect(h.length).toBeLessThanOrEqual(LIMITS[channel])
      expect(h.length).toBe([...h.text].length)
      expect(h.text).not.toMatch(INVENTED)
      expect(h.text, 'one space, no space before punctuation, no doubled punctuation').not.toMatch(/\s{2}|\s[,.:;!?]|[,.:;!?]{2}|^\s|\s$/)
      expect(h.text, 'a capital first letter').toMatch(/^[«"]?[\p{Lu}\d]/u)
      expect(
        [...stems(h.text)].some((w) => briefStems.has(w)),
        `a word of the brief in "${h.text}"`,
      ).toBe(true)
      const listicle = LISTICLE.exec(h.text)?.[1]
      for (const n of h.text.match(/\d+/g) ?? []) if (n !== listicle) expect(briefNumbers, `"${n}" in "${h.text}"`).toContain(n)
    }
    expect(new Set(d.headlines.map((h) => h.angle)).size).toBeGreaterThanOrEqual(5)
    for (const [i, a] of texts.entries()) for (const b of texts.slice(i + 1)) expect(nearDuplicate(a, b), `${a} / ${b}`).toBe(false)
    expect(d.distinct2).toBeGreaterThanOrEqual(0.8)
    expect(d.abPair).not.toBeNull()
  })

  it('returns more candidates than asked for, in the model reply shape, the same every time', () => {
    const raw = headlinesOffline(brief, { count: 10, maxLength: 56 })
    expect(() => RawHeadlines.parse(raw)).not.toThrow()
    expect(raw.headlines.length).toBeGreaterThan(20)
    expect(headlinesOffline(brief, { count: 10, maxLength: 56 })).toEqual(raw)
  })
})

describe("offline headlines: grammar and the brief's words", () => {
  it("uses the key phrases first, with the brief's spelling of brand names", () => {
    const texts = draft(BRIEFS.ruSellers!, 'email')
      .headlines.map((h) => h.text)
      .join('\n')
    expect(texts).toMatch(/Юнит-экономика Wildberries/)
    expect(texts).toMatch(/Аналитика для селлеров/)
    expect(texts).not.toMatch(/wildberries/)
  })

  it('takes numbers only from the brief; without one, the number angle is a listicle', () => {
    const ru = draft(BRIEFS.ruDental!, 'email')
      .headlines.filter((h) => h.angle === 'number')
      .map((h) => h.text)
    expect(ru.length).toBeGreaterThan(0)
    for (const t of ru) expect(t).toMatch(/^(3 причины|4 шага|5 способов) /)
    const en = headlinesOffline(BRIEFS.enLogistics!, { count: 10, maxLength: 70 }).headlines.map((h) => h.text)
    expect(en).toContain('Customers cut fuel costs by 12% in 3 months')
    expect(en).toContain('Route planning software: customers cut fuel costs by 12%')
  })

  it('keeps Russian nouns in the right case and the English article in agreement', () => {
    const cash: DraftingBriefOf<'headlines'> = {
      ...BRIEFS.ruDental!,
      offer: 'Облачная касса для кофеен',
      audience: 'Владельцы кофеен',
      task: 'Сократить очереди у кассы',
      inputs: { count: 10 },
    }
    const all = headlinesOffline(cash, { count: 10, maxLength: 70 }).headlines.map((h) => h.text)
    expect(all).toContain('А вы уже пробовали облачную кассу для кофеен?')
    expect(all).toContain('Почему владельцы кофеен выбирают облачную кассу') // not "… кофеен … кофеен"
    expect(all.join('\n')).not.toMatch(/выбирают облачная|пробовали облачная/)
    const ai: DraftingBriefOf<'headlines'> = {
      ...BRIEFS.enAccounting!,
      offer: 'AI assistant that reconciles invoices',
      inputs: { count: 10 },
    }
    const en = headlinesOffline(ai, { count: 10, maxLength: 70 })
      .headlines.map((h) => h.text)
      .join('\n')
    expect(en).toMatch(/an AI assistant/)
    expect(en).not.toMatch(/\ba AI\b/)
  })

  it("falls back to trying the product when the task is the marketer's, and says so", () => {
    const sell: DraftingBrief = { ...BRIEFS.ruRunning!, task: 'Продать онлайн-курс бега' }
    const texts = headlinesOffline(sell, { count: 10, maxLength: 56 }).headlines.map((h) => h.text)
    expect(texts.join('\n')).not.toMatch(/продать/i)
    expect(texts).toContain('Хотите попробовать онлайн-курс «Бег с нуля»?')
    expect(headlinesMissing(sell)).toContainEqual(expect.stringMatching(/^Задача клиента/))
  })

  it('lists what the brief lacks', () => {
    expect(headlinesMissing(BRIEFS.ruRunning!)).toEqual([expect.stringMatching(/^Ключевые фразы/)])
    expect(headlinesMissing(BRIEFS.enAccounting!)).toEqual([expect.stringMatching(/^Numbers/)])
    expect(headlinesMissing(BRIEFS.enLogistics!)).toEqual([])
  })

  it('keeps the asked count up to the templates it has', () => {
    expect(draft(BRIEFS.ruDental!, 'landing', 1).headlines).toHaveLength(1)
    expect(draft(BRIEFS.enMealKits!, 'landing', 20).headlines.length).toBe(20)
  })
})
