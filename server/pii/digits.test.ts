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
