// Check digits of the structured identifiers the personal-data guard finds. A number that fails
// its checksum is not that identifier: this is what keeps order ids and prices out of findings.

const digitsOf = (s: string) => [...s].map(Number)
const weighted = (d: number[], w: number[]) => w.reduce((sum, wi, i) => sum + wi * (d[i] ?? 0), 0)

/** Payment cards (and any Luhn-numbered id), 13-19 digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** СНИЛС: 9 digits and a 2-digit control number (numbers up to 001-001-998 have none). */
export function snilsValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false
  const d = digitsOf(digits)
  if (Number(digits.slice(0, 9)) <= 1001998) return false
  let sum = weighted(d, [9, 8, 7, 6, 5, 4, 3, 2, 1])
  if (sum > 101) sum %= 101
  const control = sum === 100 || sum === 101 ? 0 : sum
  return control === Number(digits.slice(9))
}

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8]
const INN11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
const INN12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]

/** ИНН: 10 digits (an organisation) or 12 (a person or sole trader), with check digits. */
export function innValid(digits: string): boolean {
  const d = digitsOf(digits)
  if (/^\d{10}$/.test(digits)) return (weighted(d, INN10) % 11) % 10 === d[9]
  if (/^\d{12}$/.test(digits)) return (weighted(d, INN11) % 11) % 10 === d[10] && (weighted(d, INN12) % 11) % 10 === d[11]
  return false
}

/** ОГРН (13 digits, mod 11) and ОГРНИП (15 digits, mod 13). */
export function ogrnValid(digits: string): boolean {
  if (/^\d{13}$/.test(digits)) return Number((BigInt(digits.slice(0, 12)) % 11n) % 10n) === Number(digits[12])
  if (/^\d{15}$/.test(digits)) return Number((BigInt(digits.slice(0, 14)) % 13n) % 10n) === Number(digits[14])
  return false
}

/** IBAN lengths by country (ISO 13616 registry, the common ones). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24,
  AE: 23,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BY: 28,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IS: 26,
  IT: 27,
  KW: 30,
  KZ: 20,
  LB: 28,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TR: 26,
  UA: 29,
}

/** IBAN: known country length and ISO 7064 mod 97 = 1. Spaces allowed. */
export function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s+/g, '').toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban) || IBAN_LENGTH[iban.slice(0, 2)] !== iban.length) return false
  const moved = iban.slice(4) + iban.slice(0, 4)
  let rem = 0
  for (const ch of moved) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch
    for (const c of v) rem = (rem * 10 + Number(c)) % 97
  }
  return rem === 1
}
