import { scanPii } from '../pii/scan'
import { PII_TYPES, type PiiFinding } from '../pii/types'
import type { Span } from './lexicon'

/**
 * Pluggable detectors for rules that are not words. The personal-data guard (server/pii)
 * registers one detector per type, `pii:PHONE`, `pii:PERSON` …, all served by one scan per text.
 */
export type Detector = (text: string) => (Span & { type: string })[]

const registry = new Map<string, Detector>()

export function registerDetector(name: string, detector: Detector) {
  registry.set(name, detector)
}
export function getDetector(name: string): Detector | undefined {
  return registry.get(name)
}

// A company's public contacts and registration numbers are not personal data: they are
// neither redacted from briefs nor a reason to block a draft (`pii scan` still reports them).
let last: { text: string; findings: PiiFinding[] } | undefined
function personalData(text: string): PiiFinding[] {
  if (last?.text !== text) last = { text, findings: scanPii(text).filter((f) => !f.company) }
  return last.findings
}

for (const type of PII_TYPES) {
  registerDetector(`pii:${type}`, (text) => personalData(text).filter((f) => f.type === type).map(({ start, end }) => ({ start, end, type })))
}

/**
 * A name that identifies someone in published copy: a full Russian name with a patronymic or
 * initials, or any name next to other personal data (a phone, an e-mail, a document…). A name
 * alone ("Join Anna Lee at our workshop") is normal marketing copy, though briefs still have it
 * redacted before the model.
 */
registerDetector('pii:PERSON_IDENTIFIED', (text) => {
  const all = personalData(text)
  const others = all.filter((f) => f.type !== 'PERSON')
  return all
    .filter((f) => f.type === 'PERSON')
    .filter((f) => FULL_NAME.test(text.slice(f.start, f.end)) || others.some((o) => Math.abs(o.start - f.end) < 80 || Math.abs(f.start - o.end) < 80))
    .map(({ start, end }) => ({ start, end, type: 'PERSON' }))
})
// a patronymic (Игоревна, Петровичу) or initials (А.В.) in the name
const FULL_NAME = /(?:ович|евич|ич|овн|евн|ичн|иничн)\p{L}*|\p{Lu}\.\s?\p{Lu}\./u
