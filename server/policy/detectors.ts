import { DETECTORS, FULL_NAME_DETECTORS, scanPii } from '../pii/scan'
import { PII_TYPES, type PiiFinding } from '../pii/types'
import type { Span } from './lexicon'
import type { PolicyFile } from './schema'

/**
 * Pluggable detectors for rules that are not words. The personal-data guard (server/pii)
 * registers one detector per type, `pii:PHONE`, `pii:PERSON` …, all served by one scan per text.
 */
export type Detector = (text: string, settings: PersonalDataSettings) => (Span & { type: string })[]
/** The policy's personal_data section: the guard's two operating points (to_model, in_copy). */
export type PersonalDataSettings = PolicyFile['personal_data']

const registry = new Map<string, Detector>()

export function registerDetector(name: string, detector: Detector) {
  registry.set(name, detector)
}
export function getDetector(name: string): Detector | undefined {
  return registry.get(name)
}

// A company's public contacts and registration numbers are not personal data: they are
// neither redacted from briefs nor a reason to block a draft (`pii scan` still reports them).
let last: { text: string; names: string; findings: PiiFinding[] } | undefined
function personalData(text: string, { to_model: { names } }: PersonalDataSettings): PiiFinding[] {
  if (last?.text !== text || last.names !== names) {
    last = { text, names, findings: scanPii(text, names === 'full_names' ? FULL_NAME_DETECTORS : DETECTORS).filter((f) => !f.company) }
  }
  return last.findings
}

for (const type of PII_TYPES) {
  registerDetector(`pii:${type}`, (text, settings) =>
    personalData(text, settings)
      .filter((f) => f.type === type)
      .map(({ start, end }) => ({ start, end, type })),
  )
}

/**
 * A name that identifies a private person in published copy: a name together with where they
 * live, their age, occupation, or other personal data (a phone, an e-mail, a document …) —
 * winner announcements, testimonials, "customer of the month". A name alone ("Join Anna Lee at
 * our workshop", a classic quoted, a greeting) is normal copy, though briefs still have it
 * redacted before the model.
 */
registerDetector('pii:PERSON_IDENTIFIED', (text, settings) => {
  const all = personalData(text, settings)
  const others = all.filter((f) => f.type !== 'PERSON')
  const { min_name_confidence, needs_qualifier } = settings.in_copy
  return (
    all
      // the in_copy operating point: a name the two-word patterns or a strong cue found, not a lone
      // dictionary word (those are redacted before the model all the same)
      .filter((f) => f.type === 'PERSON' && f.confidence >= min_name_confidence)
      .filter(
        (f) =>
          !needs_qualifier ||
          QUALIFIER.test(text.slice(f.end, f.end + 80)) ||
          others.some((o) => Math.abs(o.start - f.end) < 80 || Math.abs(f.start - o.end) < 80),
      )
      .map(({ start, end }) => ({ start, end, type: 'PERSON' }))
  )
})

// Right after the name: ", 34 года", ", 41 years old", "из Казани", "from Riverside", ", a nurse",
// ", Columbus, Ohio" / ", Тюмень" (a place or title after a comma), "ул. …".
const QUALIFIER = new RegExp(
  [
    String.raw`^,?\s*\(?\d{1,3}\s*(?:год|года|лет|years?\s+old|y\.?\s?o\.?)(?![\p{L}])`,
    String.raw`^,?\s+(?:\d{1,3},|aged?\s+\d{1,3}|(?:a|an)\s+\d{1,3}-year-old)`,
    String.raw`^,?\s+(?:из|с|со|г\.|города|from|of)\s+(?:г\.\s*)?\p{Lu}\p{Ll}`,
    String.raw`^,?\s+(?:ул\.|улица|пр\.|проспект|д\.)`,
    String.raw`^,\s+(?:(?:a|an)\s+)?\p{Ll}+(?:\s+\p{Ll}+)?\s+(?:from|in|at|of|из|с|со)\s+\p{Lu}`,
    String.raw`^,\s+\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+)?\s*(?:,\s*(?:\p{Lu}|ул\.|улица|пр\.|д\.)|[.!»"”)]|$)`,
  ].join('|'),
  'u',
)
