import { describe, expect, it } from 'vitest'
import { ibanValid, innValid, luhnValid, ogrnValid, snilsValid } from './checksums'

describe('identifier checksums', () => {
  it('Luhn: real test card numbers pass, one changed digit fails', () => {
    expect(luhnValid('4111111111111111')).toBe(true)
    expect(luhnValid('5500005555555559')).toBe(true)
    expect(luhnValid('4111111111111112')).toBe(false)
    expect(luhnValid('411111')).toBe(false)
  })
  it('СНИЛС: control number by the Pension Fund rule', () => {
    expect(snilsValid('11223344595')).toBe(true) // 112-233-445 95
    expect(snilsValid('11223344596')).toBe(false)
    expect(snilsValid('00100199800')).toBe(false) // too small to carry a control number
  })
  it('ИНН: 10 and 12 digits with their check digits', () => {
    expect(innValid('7707083893')).toBe(true) // Sberbank
    expect(innValid('7707083894')).toBe(false)
    expect(innValid('500100732259')).toBe(true)
    expect(innValid('500100732258')).toBe(false)
    expect(innValid('12345')).toBe(false)
  })
  it('ОГРН mod 11 and ОГРНИП mod 13', () => {
    expect(ogrnValid('1027700132195')).toBe(true) // Sberbank
    expect(ogrnValid('1027700132196')).toBe(false)
    expect(ogrnValid('304500116000157')).toBe(true)
    expect(ogrnValid('304500116000158')).toBe(false)
  })
  it('IBAN: country length and mod 97', () => {
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true)
    expect(ibanValid('GB82WEST12345698765432')).toBe(true)
    expect(ibanValid('GB82WEST12345698765433')).toBe(false)
    expect(ibanValid('DE89 3704 0044 0532 0130')).toBe(false) // too short for DE
  })
})
