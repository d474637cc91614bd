import { describe, expect, it } from 'vitest'
import { fleetingVowelVariants, withFleetingVowels } from './fleeting-vowels'

describe('fleeting vowels of Russian stems', () => {
  it('restores and drops the vowel of the last syllable', () => {
    expect(fleetingVowelVariants('окн')).toEqual(['окон', 'окен'])
    expect(fleetingVowelVariants('окон')).toEqual(['окн', 'окьн'])
    expect(fleetingVowelVariants('кошк')).toContain('кошек')
    expect(fleetingVowelVariants('кошек')).toContain('кошк')
    expect(fleetingVowelVariants('письм')).toEqual(['писем'])
    expect(fleetingVowelVariants('боец')).toEqual(['бойц'])
    expect(fleetingVowelVariants('бойц')).toEqual(['боец'])
  })

  it('leaves alone what has no such syllable, and anything not Cyrillic', () => {
    expect(fleetingVowelVariants('мама')).toEqual([])
    expect(fleetingVowelVariants('run')).toEqual([])
    expect(fleetingVowelVariants('к')).toEqual([])
  })

  it('rewrites only the Cyrillic lexemes of a tsquery, keeping its operators', () => {
    expect(withFleetingVowels(`'окн' <-> 'мам' & !'run'`)).toBe(`( 'окн' | 'окон' | 'окен' ) <-> 'мам' & !'run'`)
    expect(withFleetingVowels(`'o' <-> 'neil'`)).toBe(`'o' <-> 'neil'`)
    expect(withFleetingVowels('')).toBe('')
  })
})
