import type { Span } from './lexicon'

/**
 * Pluggable detectors for rules that are not words (personal data). The personal-data guard
 * registers its full detectors here; these simple ones cover e-mails and phone numbers.
 */
export type Detector = (text: string) => (Span & { type: string })[]

const registry = new Map<string, Detector>()

export function registerDetector(name: string, detector: Detector) {
  registry.set(name, detector)
}
export function getDetector(name: string): Detector | undefined {
  return registry.get(name)
}
export const detectorNames = () => [...registry.keys()]

// Role mailboxes of a company are not a person's data.
const ROLE_MAILBOX = /^(info|support|help|hello|sales|office|contact|contacts|team|noreply|no-reply|press|pr|hr|jobs|marketing|admin|mail|zakaz|order|orders)$/i

registerDetector('email', (text) => {
  const out: (Span & { type: string })[] = []
  for (const m of text.matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu)) {
    if (ROLE_MAILBOX.test(m[0].split('@')[0]!)) continue
    out.push({ start: m.index, end: m.index + m[0].length, type: 'EMAIL' })
  }
  return out
})

// +7 / 8 Russian numbers in the usual spellings, and other E.164 numbers. 8-800 numbers are
// toll-free company lines; a number after "заказ №"/"order #" is an order id.
const PHONE = /(?<![\p{L}\p{N}])(?:\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)|(?<![\p{L}\p{N}+])\+(?!7)\d{1,3}[\s-]?\(?\d{2,4}\)?(?:[\s-]?\d{2,4}){2,3}(?!\d)/gu
registerDetector('phone', (text) => {
  const out: (Span & { type: string })[] = []
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '')
    if (/^[78]800/.test(digits)) continue
    const before = text.slice(Math.max(0, m.index - 12), m.index).toLowerCase()
    if (/(заказ|order|№|#)\s*[№#]?\s*$/u.test(before)) continue
    out.push({ start: m.index, end: m.index + m[0].length, type: 'PHONE' })
  }
  return out
})

/** Luhn checksum: cuts order ids and phone-like numbers that only look like a card. */
export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return digits.length >= 13 && sum % 10 === 0
}

registerDetector('card', (text) => {
  const out: (Span & { type: string })[] = []
  for (const m of text.matchAll(/(?<![\d-])\d{4}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?(?![\d-])/g)) {
    if (luhnValid(m[0].replace(/\D/g, ''))) out.push({ start: m.index, end: m.index + m[0].length, type: 'CARD' })
  }
  return out
})
