// Issue 19, item 3: version diffs compare words of every language, not Latin words and letters.
import { describe, expect, it } from 'vitest'
import { diffParts } from '../web/src/features/run/diff-parts'
import { countWords, diffByWords, tokens } from '../web/src/features/run/diff-words'

const changed = (before: string, after: string) =>
  diffParts(diffByWords(before, after)!)
    .filter((p) => p.kind !== 'same')
    .map((p) => `${p.kind}:${p.value}`)

describe('word diff', () => {
  it('tokenises words of any script, digits, spacing, line breaks and punctuation', () => {
    expect(tokens('Скидка 15% — до 31 марта!\nCafé naïve')).toEqual([
      'Скидка',
      ' ',
      '15',
      '%',
      ' ',
      '—',
      ' ',
      'до',
      ' ',
      '31',
      ' ',
      'марта',
      '!',
      '\n',
      'Café',
      ' ',
      'naïve',
    ])
    expect(tokens('ё-моё')).toEqual(['ё', '-', 'моё'])
  })

  it('a changed Russian word is one deletion and one insertion of whole words, and counted as words', () => {
    const before = 'Гарантируем результат за две недели.'
    const after = 'Помогаем добиться результата за две недели.'
    expect(changed(before, after).map((c) => c.trimEnd())).toEqual(['del:Гарантируем результат', 'ins:Помогаем добиться результата'])
    expect(countWords(diffByWords(before, after)!)).toEqual({ added: 3, removed: 2 })
  })

  it('unchanged text has no change; line breaks stay where they are', () => {
    expect(changed('Первая строка\nвторая', 'Первая строка\nвторая')).toEqual([])
    expect(changed('Первая строка\nвторая', 'Первая строка\nтретья')).toEqual(['del:вторая', 'ins:третья'])
  })
})
