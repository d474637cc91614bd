import { describe, expect, it } from 'vitest'
import { randomStrings } from '../../test/helpers/random-strings'
import { digitGroups, digitRunWindows, digitsAhead, startsWithDigits } from './digits'
import { windows } from './windows'

describe('digit groups', () => {
  it('finds every run of ASCII digits once, in order', () => {
    const { starts, ends } = digitGroups('a12 b3-456 ٣ 7')
    expect([...starts]).toEqual([1, 5, 7, 13])
    expect([...ends]).toEqual([3, 6, 10, 14])
  })

  it('finds the same runs as a loop over every character, on random strings', () => {
    const alphabet = ['1', '23', '4567', ' ', '-', 'x', 'Ж', '٣', '\n', '+7 ']
    for (const text of randomStrings(3000, alphabet, 40, 5)) {
      const starts: number[] = []
      const ends: number[] = []
      for (let i = 0; i < text.length; i++) {
        if (!/\d/.test(text[i]!)) continue
        let j = i
        while (j < text.length && /\d/.test(text[j]!)) j++
        starts.push(i)
        ends.push(j)
        i = j
      }
      const groups = digitGroups(text)
      expect([[...groups.starts], [...groups.ends]], text).toEqual([starts, ends])
    }
  })

  it('digit runs give exactly the windows of the regex they replace', () => {
    const alphabet = ['1', '23', '4567', ' ', '\t', '(', ')', '+', '.', '-', '/', 'x', ',', '\n', 'тел ']
    let compared = 0
    for (const text of randomStrings(5000, alphabet)) {
      expect(digitRunWindows(text, 16), text).toEqual(windows(text, /\d[\d \t()+.\-/]{4,}\d/g, 16, 16))
      compared++
    }
    expect(compared).toBe(5000)
  })

  it('digits ahead: the groups of an id are joined by at most four separators, "№" among them', () => {
    const text = '+7 (916) 123-45-67, 45 10 № 123456, 12     34'
    expect([...digitsAhead(text)]).toEqual([11, 10, 7, 4, 2, 10, 8, 6, 2, 2])
    const candidates = Int32Array.from([0, 20, 38])
    expect([...startsWithDigits(text, candidates, 10)]).toEqual([0, 20])
  })
})
