import { describe, expect, it } from 'vitest'
import { ruPlural } from '../ru-plural'
import { aAn, cap, codePoints, lc, ruCount } from './text'
import { gerund } from './terms'
import { ruAccusative, ruNominative, shortenings, withArticle } from './phrases'

describe('Russian numeral agreement', () => {
  const forms = ['причина', 'причины', 'причин'] as const
  it.each([
    [1, 'причина'],
    [2, 'причины'],
    [4, 'причины'],
    [5, 'причин'],
    [11, 'причин'],
    [12, 'причин'],
    [14, 'причин'],
    [21, 'причина'],
    [22, 'причины'],
    [25, 'причин'],
    [101, 'причина'],
    [111, 'причин'],
    [0, 'причин'],
  ])('%i %s', (n, form) => expect(ruPlural(n, forms)).toBe(form))

  it('agrees причина, способ, шаг, ошибка', () => {
    expect([1, 3, 5].map((n) => ruCount(n, 'причина'))).toEqual(['1 причина', '3 причины', '5 причин'])
    expect([1, 3, 5].map((n) => ruCount(n, 'способ'))).toEqual(['1 способ', '3 способа', '5 способов'])
    expect([1, 4, 7].map((n) => ruCount(n, 'шаг'))).toEqual(['1 шаг', '4 шага', '7 шагов'])
    expect([21, 2, 10].map((n) => ruCount(n, 'ошибка'))).toEqual(['21 ошибка', '2 ошибки', '10 ошибок'])
  })
})

describe('English articles and gerunds', () => {
  it.each([
    ['client portal', 'a'],
    ['AI assistant', 'an'],
    ['hour of setup', 'an'],
    ['user portal', 'a'],
    ['SMS service', 'an'],
    ['CRM', 'a'],
    ['API', 'an'],
    ['URL shortener', 'a'],
    ['8-week plan', 'an'],
    ['one-page site', 'a'],
    ['honest review', 'an'],
  ])('%s -> %s', (phrase, article) => expect(aAn(phrase)).toBe(article))

  it('adds an article only where the noun needs one', () => {
    const brands = new Map([['remindcrm', 'RemindCRM']])
    expect(withArticle('client portal', null, brands)).toBe('a client portal')
    expect(withArticle('AI assistant', 'A', brands)).toBe('an AI assistant') // the brief's "A" re-agreed
    expect(withArticle('healthy dinner kits', null, brands)).toBe('healthy dinner kits') // plural
    expect(withArticle('route planning software', null, brands)).toBe('route planning software') // mass noun
    expect(withArticle('RemindCRM', null, brands)).toBe('RemindCRM') // brand
  })

  it('makes gerunds', () => {
    expect(['get a dinner', 'cut costs', 'make time', 'plan routes', 'visit clients', 'tie loose ends'].map(gerund)).toEqual([
      'getting a dinner',
      'cutting costs',
      'making time',
      'planning routes',
      'visiting clients',
      'tying loose ends',
    ])
  })
})

describe('Russian case endings', () => {
  it('puts a feminine product into the accusative and leaves the rest', () => {
    expect(ruAccusative('облачная касса для кофеен')).toBe('облачную кассу для кофеен')
    expect(ruAccusative('онлайн-школа')).toBe('онлайн-школу')
    expect(ruAccusative('сервис аналитики продаж')).toBe('сервис аналитики продаж')
    expect(ruAccusative('CRM с автонапоминаниями')).toBe('CRM с автонапоминаниями')
    expect(ruAccusative('мобильное приложение')).toBe('мобильное приложение')
  })
  it('reads the object of "сократить" back in the nominative', () => {
    expect(ruNominative('текучку кадров')).toBe('текучка кадров')
    expect(ruNominative('неявки пациентов')).toBe('неявки пациентов')
  })
})

describe('phrase shortening, counting, casing', () => {
  it('cuts only before a preposition or conjunction', () => {
    expect(shortenings('сократить неявки пациентов на 30%', 'ru')).toEqual([
      'сократить неявки пациентов на 30%',
      'сократить неявки пациентов',
    ])
    expect(shortenings('get a healthy dinner on the table', 'en')).toEqual(['get a healthy dinner on the table', 'get a healthy dinner'])
    expect(shortenings('owners of small accounting firms', 'en', { min: 1 })).toEqual(['owners of small accounting firms'])
    expect(shortenings('онлайн-курс «Бег с нуля»', 'ru', { min: 1 })).toEqual(['онлайн-курс «Бег с нуля»'])
  })
  it('counts code points, as ad platforms do', () => {
    expect(codePoints('Ёлка 🎄')).toBe(6)
    expect('Ёлка 🎄'.length).toBe(7)
  })
  it('keeps acronyms and brands when lower-casing', () => {
    expect(lc('Сервис аналитики')).toBe('сервис аналитики')
    expect(lc('CRM для клиник')).toBe('CRM для клиник')
    expect(lc('Wildberries и Ozon', new Set(['Wildberries']))).toBe('Wildberries и Ozon')
    expect(cap('«бег с нуля»')).toBe('«Бег с нуля»')
  })
})
