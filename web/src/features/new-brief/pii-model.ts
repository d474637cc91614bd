// BRIEF_TEXTS: the brief fields the server checks for personal data; the rest (channel, deadline, …) are not free text
import { BRIEF_TEXTS, type BriefKind, type PiiCheckResponse, type PiiDismissal } from '../../../../contracts/briefs'
import { PII_TYPES, type PiiType } from '../../../../contracts/pii'
import type { Translate } from '../../i18n'
import { isFieldPath, parseTranscriptPath } from '../../lib/brief-fields'
import { buildPayload, type FormValues } from './form-model'

export type PiiFinding = PiiCheckResponse['findings'][number]

/**
 * The texts of the body the form would submit, by the server's paths ("audience", "inputs.proofs.0").
 * Trimmed as the shared schema trims them, so the offsets of a finding are the offsets the server
 * re-checks a dismissal against on submit.
 */
export function piiCheckFields(kind: BriefKind, values: FormValues): Record<string, string> {
  const body = buildPayload(kind, values)
  const out: Record<string, string> = {}
  const add = (path: string, value: unknown) => {
    if (typeof value === 'string') {
      if (value.trim() !== '') out[path] = value.trim()
    } else if (Array.isArray(value)) value.forEach((v, i) => add(`${path}.${i}`, v))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) add(`${path}.${k}`, v)
  }
  for (const key of BRIEF_TEXTS) add(key, body[key])
  add('inputs', body.inputs)
  return out
}

type Spot = Pick<PiiDismissal, 'path' | 'start' | 'end' | 'type'>

/** A dismissal belongs to one finding: the same field, span and type. */
export const piiKey = (f: Spot) => `${f.path}|${f.start}|${f.end}|${f.type}`

/** The writer's dismissals by piiKey. */
export type Dismissals = Readonly<Record<string, PiiDismissal>>

/** Only the dismissals that still name a finding; the same object when none is dropped (no re-render). */
export function keepMatching(dismissals: Dismissals, findings: readonly PiiFinding[]): Dismissals {
  const current = new Set(findings.filter((f) => f.dismissible).map(piiKey))
  const kept = Object.entries(dismissals).filter(([key]) => current.has(key))
  return kept.length === Object.keys(dismissals).length ? dismissals : Object.fromEntries(kept)
}

/** The found text with a few words either side, cut at word boundaries where it can be. */
export function snippet(text: string, start: number, end: number, radius = 40) {
  let from = Math.max(0, start - radius)
  let to = Math.min(text.length, end + radius)
  const space = text.indexOf(' ', from)
  if (from > 0 && space !== -1 && space < start) from = space + 1
  const lastSpace = text.lastIndexOf(' ', to)
  if (to < text.length && lastSpace > end) to = lastSpace
  const flat = (s: string) => s.replace(/\s+/g, ' ')
  return {
    before: (from > 0 ? '…' : '') + flat(text.slice(from, start)),
    match: text.slice(start, end),
    after: flat(text.slice(end, to)) + (to < text.length ? '…' : ''),
  }
}

/** What the guard reports (contracts/pii.ts); an unknown type is shown as written. */
const isPiiType = (s: string): s is PiiType => (PII_TYPES as readonly string[]).includes(s)

export const piiTypeLabel = (type: string, t: Translate) => (isPiiType(type) ? t(`piiType.${type}`) : type)

/** "Target audience", "Proofs, line 2" for one line of a list field, "Interview 2, transcript" in a set. */
export function piiPathLabel(path: string, t: Translate): string {
  if (isFieldPath(path)) return t(`field.${path}`)
  const interview = parseTranscriptPath(path)
  if (interview) return t(`pii.transcript.${interview.part}`, { n: interview.index + 1 })
  const m = /^(.+)\.(\d+)$/.exec(path)
  if (m && isFieldPath(m[1]!)) return t('pii.line', { field: t(`field.${m[1]}`), n: Number(m[2]) + 1 })
  return path
}
