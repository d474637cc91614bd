import { BRIEF_TEXTS, type PiiCheckResponse, type PiiDismissal } from '../../contracts/briefs'
import { refuse } from '../refusals'
import type { Classification } from '../policy/classify'
import type { Policy } from '../policy/load'
import { findPersonalData } from '../policy/pii-guard'
import type { BriefRow } from './queries'

/** Ids whose checksum is valid: a finding of these is never a false positive the writer may dismiss. */
const CHECKSUMMED = new Set(['SNILS', 'INN', 'OGRN', 'OGRNIP', 'CARD', 'IBAN'])

/** Every text of a brief by path: "audience", "inputs.transcript", "inputs.proofs.0". */
export function briefFields(brief: Record<string, unknown> & { inputs?: unknown }): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of BRIEF_TEXTS) {
    const text = brief[key]
    if (typeof text === 'string') out[key] = text
  }
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out[path] = value
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`)
  }
  walk(brief.inputs, 'inputs')
  return out
}

/** What the policy would redact (or refuse) in each field, and which findings the writer may dismiss. */
export function checkPii(policy: Policy, fields: Record<string, string>): PiiCheckResponse {
  const findings = Object.entries(fields).flatMap(([path, text]) =>
    findPersonalData(policy, text).map((f) => ({ path, ...f, text: text.slice(f.start, f.end), dismissible: !CHECKSUMMED.has(f.type) })),
  )
  return { mode: policy.file.personal_data.inputs, findings }
}

/** Each dismissal must name a finding the check really makes, of a type that may be dismissed. */
export function assertDismissals(policy: Policy, fields: Record<string, string>, dismissals: readonly PiiDismissal[]) {
  if (dismissals.length === 0) return
  const { findings } = checkPii(policy, fields)
  const issues = dismissals.flatMap((d, i) => {
    const f = findings.find((x) => x.path === d.path && x.start === d.start && x.end === d.end && x.type === d.type)
    if (!f)
      return [
        {
          path: `piiDismissals.${i}`,
          message: `the check finds no ${d.type} at ${d.path} ${d.start}-${d.end} any more (was the text edited?): check again and dismiss what it finds now`,
        },
      ]
    if (!f.dismissible)
      return [{ path: `piiDismissals.${i}`, message: `this ${d.type} has a valid checksum: it is personal data and cannot be dismissed` }]
    return []
  })
  if (issues.length) throw refuse('brief.pii_not_dismissible', {}, issues)
}

/** The dismissed spans of one field, for the redactor to leave alone. */
export const dismissedIn = (dismissals: readonly PiiDismissal[], path: string) =>
  dismissals.filter((d) => d.path === path).map((d) => ({ start: d.start, end: d.end, type: d.type }))

/**
 * A value the writer reviewed as not personal data (a firmware version taken for an IP) does not
 * count as personal data when the brief or its draft has it, so it neither adds gates nor blocks them.
 */
export function withoutDismissed(c: Classification, brief: BriefRow): Classification {
  if (!brief.piiDismissals.length) return c
  const fields = briefFields(brief)
  return withoutDismissedIn(c, fields, brief.piiDismissals)
}

/** The same for a brief not stored yet: its texts by path and the writer's dismissals. */
export function withoutDismissedIn(c: Classification, fields: Record<string, string>, dismissals: readonly PiiDismissal[]): Classification {
  if (!dismissals.length) return c
  const values = new Set(dismissals.map((d) => (fields[d.path] ?? '').slice(d.start, d.end)).filter(Boolean))
  const risks = c.risks.filter((r) => r.category !== 'personal_data' || !values.has(r.match))
  return { ...c, risks, categories: [...new Set(risks.map((r) => r.category))].sort() }
}
