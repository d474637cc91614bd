import { describe, expect, it } from 'vitest'
import { Placeholders } from './redact'
import { scanPii } from './scan'

const redact = (p: Placeholders, text: string) => p.apply(text, scanPii(text))

describe('redaction', () => {
  it('numbers placeholders by first occurrence; one value spelled twice is one placeholder', () => {
    const p = new Placeholders()
    const text = 'Звонить +7 916 123-45-67 или 89161234567, резерв +7 903 000-11-22; почта a.b@mail.ru, A.B@mail.ru'
    expect(redact(p, text)).toBe('Звонить [PHONE_1] или [PHONE_1], резерв [PHONE_2]; почта [EMAIL_1], [EMAIL_1]')
    // across texts of one run
    expect(redact(p, 'Перезвонить на 8 (903) 000-11-22')).toBe('Перезвонить на [PHONE_2]')
    expect(p.counts).toEqual({ PHONE: 4, EMAIL: 2 })
  })

  it('one person mentioned in other forms keeps one placeholder', () => {
    const p = new Placeholders()
    const text = 'Кузнецова Марина Игоревна; Марина Игоревна, позвоните. Передайте Кузнецовой Марине. John Smith and Anna Smith'
    expect(redact(p, text)).toBe('[PERSON_1]; [PERSON_1], позвоните. Передайте [PERSON_1]. [PERSON_2] and [PERSON_3]')
  })

  it('is deterministic', () => {
    const text = 'IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111, ИНН 500100732259'
    expect(redact(new Placeholders(), text)).toBe(redact(new Placeholders(), text))
    expect(redact(new Placeholders(), text)).toBe('IBAN [IBAN_1], card [CARD_1], ИНН [INN_1]')
  })

  it('keeps the more confident of overlapping findings', () => {
    const text = 'key=sk-live-abcdefghijklmnopqrstuvwx'
    const found = scanPii(text)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ type: 'SECRET' })
  })

  it('no catastrophic backtracking: every detector finishes generated 1 MB hostile inputs', () => {
    // the benchmark reports the real worst case (target < 1 s); this bound only catches blow-ups
    const hostile = [
      '1-'.repeat(500_000),
      '8 '.repeat(500_000),
      'a@a.'.repeat(250_000),
      '1.'.repeat(500_000),
      'ул. '.repeat(250_000),
      'Иван '.repeat(200_000),
      'A. '.repeat(330_000),
      '+7 ('.repeat(250_000),
      'Bearer '.repeat(150_000),
      '@'.repeat(1_000_000),
      'Rua A 1 '.repeat(125_000),
      `${'Via '.repeat(250_000)}1`,
      'Aa Bb Cc tér 1.  '.repeat(60_000),
      'Ruth R '.repeat(140_000),
      // the name layer: one endless word of joined capitals (was minutes), 50,000 speaker labels (was 24 s)
      "O'".repeat(500_000),
      'Оператор Кирилл: да\n'.repeat(50_000),
      'Anna Lee '.repeat(111_000),
    ]
    for (const text of hostile) {
      const t0 = performance.now()
      scanPii(text)
      expect(performance.now() - t0).toBeLessThan(5000)
    }
  })
})
