import { describe, expect, it } from 'vitest'
import { randomStrings } from '../../test/helpers/random-strings'
import { AFTER_OTHER_LETTER, TITLE_WORD, capitalValues, capitals } from './capitals'

// The patterns the one pass stands for (capitals.ts): the reference it must agree with.
const L = 'A-Za-zÀ-ÖØ-öø-ÿĀ-ſА-яЁё'
const UPPER = 'A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ'
const WORD = new RegExp(`[${UPPER}](?<![${L}'’-].)[${L}]*(?:['’-][${L}]+)*`, 'g')
const TITLE = new RegExp(`(?<![${L}'’-])г(?:-н|-жа|осподин[а-я]*|оспож[а-я]+)`, 'g')

const reference = (text: string) =>
  [...text.matchAll(WORD), ...text.matchAll(TITLE)].map((m) => [m.index, m.index + m[0].length] as const).sort((a, b) => a[0] - b[0])
const found = (text: string) => {
  const { starts, ends } = capitals(text)
  return [...starts].map((s, i) => [s, ends[i]!] as const)
}

describe('capitalised words in one pass', () => {
  it('finds the words a name can be made of, with their joiners', () => {
    const text = "Dr. O'Neil met Anne-Marie and Ж’Ан; MacLeod's «Ёлкина» x-Ray l'Anna 5Ivan"
    expect(found(text).map(([s, e]) => text.slice(s, e))).toEqual(['Dr', "O'Neil", 'Anne-Marie', 'Ж’Ан', "MacLeod's", 'Ёлкина', 'Ivan'])
  })

  it('marks the lower-case titles and a word glued to a letter outside its alphabet', () => {
    const text = 'г-н Петров, господина Иванова, αБета'
    const { starts, ends, flags } = capitals(text)
    const words = [...starts].map((s, i) => [text.slice(s, ends[i]), flags[i]])
    expect(words).toEqual([
      ['г-н', TITLE_WORD],
      ['Петров', 0],
      ['господина', TITLE_WORD],
      ['Иванова', 0],
      ['Бета', AFTER_OTHER_LETTER],
    ])
  })

  it('agrees with the patterns it replaces on random text', () => {
    const alphabet = ['A', 'b', 'Ж', 'ж', 'г', '-н', '-жа', 'оспожа', "'", '’', '-', ' ', '.', '1', 'É', 'ſ', 'α', '\n', 'Ё', 'ё']
    for (const text of randomStrings(3000, alphabet, 30, 7)) expect(found(text), text).toEqual(reference(text))
  })

  it("gives each word's text once, without the English possessive", () => {
    const text = "Lena Kovač's bag, O's and Ann’s; Иванова"
    expect(capitalValues(text)).toEqual(['Lena', 'Kovač', "O's", 'Ann', 'Иванова'])
    expect(capitalValues(text)).toBe(capitalValues(text))
  })
})
