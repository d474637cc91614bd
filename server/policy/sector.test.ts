import { describe, expect, it } from 'vitest'
import { classify } from './classify'
import { POLICIES_DIR } from './cli'
import { loadPolicy } from './load'
import { gatesFor } from './plan'

const policy = loadPolicy(POLICIES_DIR)
const read = (text: string, opts: { channel?: string; sector?: string | null; kind?: string } = {}) =>
  classify(policy, text, { channel: opts.channel ?? 'landing', sector: opts.sector, kind: opts.kind })

describe('what is advertised decides the sector rules', () => {
  it('a clinic, a bank or a pharmacy as the customer is not sector advertising', () => {
    for (const text of [
      'RemindCRM для стоматологических клиник: напоминания пациентам о записи, меньше неявок.',
      'Антифрод для банков и МФО: решение по заявке за 200 мс.',
      'Уборка медицинских центров и аптек по ночам.',
      'Scheduling software for physical therapy clinics cuts no-shows.',
      'An API that helps insurance carriers flag duplicate invoices.',
    ]) {
      const c = read(text)
      expect({ text, cats: c.categories.filter((k) => k === 'medicine' || k === 'finance') }).toEqual({ text, cats: [] })
      expect(c.sectors.inferred).toEqual([])
    }
  })

  it('the same words selling the service itself are', () => {
    expect(read('Наша клиника лечит кариес за один визит.').sectors.inferred).toEqual(['medicine'])
    expect(read('Кредит наличными для вас — решение за 5 минут.').sectors.inferred).toEqual(['finance'])
    expect(read('Dental implants at our clinic from $900.').sectors.inferred).toEqual(['medicine'])
  })

  it('money for treatment and a name in quotes do not make medicine', () => {
    expect(read('Поможем оформить налоговый вычет за лечение.').categories).not.toContain('medicine')
    expect(read('Настольная игра «Таблетка от скуки» для всей семьи.').categories).not.toContain('medicine')
  })

  it('a health effect in words no lexicon lists as medicine still reads as medicine', () => {
    expect(read('Стельки возвращают стопе правильный свод уже через месяц.').categories).toContain('medicine')
    expect(read('The cap regrows thinning hair in twelve weeks.').categories).toContain('medicine')
    // the effect and the body part in different sentences are not one claim
    expect(read('Мы возвращаем деньги за брак. Стопа в обуви не устаёт.').categories).not.toContain('medicine')
  })

  it('a substance sold by dose is a supplement without the word', () => {
    const c = read('Magnesium glycinate, 120 capsules, third-party tested.')
    expect(c.categories).toContain('supplements')
    expect(c.sectors.inferred).toEqual(['supplements'])
    expect(c.missing.map((m) => m.requirement)).toContain('fda-disclaimer')
  })

  it('a declared sector brings its category and required wording even when the text names nothing', () => {
    const c = read('Запишитесь на приём онлайн — в удобное время.', { sector: 'medicine' })
    expect(c.categories).toContain('medicine')
    const declared = c.risks.find((r) => r.rule === 'declared-sector')!
    // said in the text's language, and in each UI language with the sector's own label
    expect(declared.explain).toContain('Лекарства, медицинские услуги')
    expect(declared.texts?.en.explain).toContain('Medicines, medical services')
    expect(c.missing.map((m) => m.requirement)).toContain('contraindications')
    expect(c.sectors).toEqual({ declared: 'medicine', inferred: [], mismatch: false })
  })

  it('a text that reads as a sector the brief did not declare goes to legal review, with the reason', () => {
    const c = read('Займ до 30 000 ₽ на карту за 5 минут.', { sector: 'other' })
    expect(c.sectors).toEqual({ declared: 'other', inferred: ['finance'], mismatch: true })
    const hit = c.risks.find((r) => r.rule === 'sector-mismatch')!
    expect(hit.texts?.en.explain).toContain('none of the regulated sectors')
    expect(hit.texts?.ru.explain).toContain('вне регулируемых отраслей')
    expect(gatesFor(policy, c.categories)).toContain('legal_review')
    // declared as what it is: no mismatch
    expect(read('Займ до 30 000 ₽ на карту за 5 минут.', { sector: 'finance' }).sectors.mismatch).toBe(false)
  })

  it('internal kinds get only the categories the policy names for them', () => {
    const text = 'Кластер «лечение кариеса»: лучшая клиника, гарантия результата, 98% пациентов. Смирнова Ольга, тел. +7 916 123-45-67'
    const c = read(text, { kind: 'seo_clusters' })
    expect(c.categories).toEqual(['personal_data'])
    expect(c.missing).toEqual([])
    expect(c.sectors.inferred).toEqual([])
    expect(read(text, { kind: 'offer' }).categories).toEqual(expect.arrayContaining(['medicine', 'superlative', 'legal_promise']))
  })

  it('advice that recommends an option is not a superlative claim; a comparison with competitors is', () => {
    for (const text of [
      'Лучший способ проверить размер — примерить обувь вечером.',
      'Best served chilled, with lime.',
      'Which stroller is best suited to gravel trails?',
      'Самые частые вопросы о доставке.',
    ])
      expect({ text, sup: read(text).categories.includes('superlative') }).toEqual({ text, sup: false })
    for (const text of [
      'Роллы, которые заказывают чаще, чем у любых конкурентов.',
      'Our sheets are softer than any other sheets on the market.',
    ])
      expect({ text, sup: read(text).categories.includes('superlative') }).toEqual({ text, sup: true })
  })

  it('Реклама as a word in a sentence is not the marking', () => {
    const missing = (t: string) => read(t, { channel: 'social_ad' }).missing.map((m) => m.requirement)
    expect(missing('Реклама вашего бизнеса в телеграм-каналах. ООО «Ромашка», erid: 2SDnjd4ToX9')).toContain('label')
    expect(missing('Кофе с собой. Реклама. ООО «Ромашка», erid: 2SDnjd4ToX9')).toEqual([])
  })
})

describe('rule mechanics the packs rely on', () => {
  it('`=word` matches that form only: =боль is not более', () => {
    expect(read('Боль в спине и отёки ног — частые жалобы.').risks.some((r) => r.rule === 'ru-38fz-art5-health-words')).toBe(true)
    expect(read('Более 5000 клиентов уже доверили нам бухгалтерию.').categories).not.toContain('medicine')
  })

  it('min_hits counts distinct places: one body word is not a health pattern, several are', () => {
    expect(read('Стопа в этой обуви не устаёт.').categories).not.toContain('medicine')
    expect(read('Joint stiffness, bloating and poor circulation are behind it.').risks.some((r) => r.rule === 'en-health-words')).toBe(true)
  })

  it('a supplement label in fragments still meets its dose across the full stop', () => {
    expect(read('Creatine monohydrate. 5 g per scoop. 60 scoops.').categories).toContain('supplements')
  })

  it('the supplement warning itself does not make the text medicine', () => {
    expect(read('Чай с мятой для вечера. Не является лекарственным средством.').categories).not.toContain('medicine')
  })
})
