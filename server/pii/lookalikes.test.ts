import { describe, expect, it } from 'vitest'
import { foldLookalikes } from './lookalikes'
import { scanPii } from './scan'

describe('look-alike letters in identifiers', () => {
  it('a letter standing for a digit between digits is read as the digit, offsets unchanged', () => {
    const text = '🙂 Звоните: 8-987-0З1-77-26 или +7 9l6 555 О1 02'
    const folded = foldLookalikes(text)!
    expect(folded.length).toBe(text.length)
    expect(folded).toContain('8-987-031-77-26')
    const phones = scanPii(text)
      .filter((f) => f.type === 'PHONE')
      .map((f) => text.slice(f.start, f.end))
    expect(phones).toContain('8-987-0З1-77-26') // reported as written
  })

  it('a Cyrillic letter inside a Latin e-mail address is read as the Latin one', () => {
    const text = 'пишите на ivan.petrоv@mail.ru'
    const emails = scanPii(text)
      .filter((f) => f.type === 'EMAIL')
      .map((f) => text.slice(f.start, f.end))
    expect(emails).toEqual(['ivan.petrоv@mail.ru'])
  })

  it('words stay words: no digit beside the letter, nothing changes', () => {
    expect(foldLookalikes('Отдел О2 и комната З, модель Iolo')).toBe(null)
    expect(foldLookalikes('Заказ на 3 дня')).toBe(null)
  })
})
