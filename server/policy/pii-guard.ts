import { Placeholders } from '../pii/redact'
import { classify } from './classify'
import type { Policy } from './load'

export type PiiFinding = { type: string; start: number; end: number }

/** Personal-data findings to redact in one text: the policy's personal_data rules, `redact_only` ones included. */
export function findPersonalData(policy: Policy, text: string): PiiFinding[] {
  const { risks } = classify(policy, text, { channel: policy.file.channels[0]!, only: ['personal_data'], forRedaction: true })
  // Overlapping findings (a phone inside an address) are redacted as the outer one.
  const sorted = risks.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || b.end - a.end)
  const out: PiiFinding[] = []
  for (const r of sorted) {
    const last = out.at(-1)
    if (last && r.start < last.end) continue
    out.push({ type: r.piiType ?? 'PERSONAL_DATA', start: r.start, end: r.end })
  }
  return out
}

/**
 * Replaces the policy's personal-data findings with stable placeholders across every text of
 * one run: the same value is the same [PHONE_1] everywhere. The mapping stays here; it never
 * reaches the model or the log.
 */
export class Redactor {
  private readonly placeholders = new Placeholders()

  /** `find`: the findings to replace in one text; a run uses its policy's (`forPolicy`). */
  constructor(private readonly find: (text: string) => readonly PiiFinding[]) {}

  static forPolicy(policy: Policy): Redactor {
    return new Redactor((text) => findPersonalData(policy, text))
  }

  get counts(): Record<string, number> {
    return this.placeholders.counts
  }

  /** `keep`: findings the writer reviewed as not personal data (same span and type), left as written. */
  redact(text: string, keep: readonly PiiFinding[] = []): string {
    const findings = this.find(text)
    const kept = findings.filter((f) => keep.some((k) => k.start === f.start && k.end === f.end && k.type === f.type))
    this.dismissed += kept.length
    return this.placeholders.apply(
      text,
      findings.filter((f) => !kept.includes(f)),
    )
  }

  /**
   * Strings anywhere inside a JSON value (brief inputs), each with its path for `keep`. A string
   * becomes a string and every array and object keeps its keys, so the value keeps its type (the
   * overload says so once, for every caller).
   */
  redactDeep<T>(value: T, path?: string, keep?: (path: string) => readonly PiiFinding[]): T
  redactDeep(value: unknown, path = 'inputs', keep: (path: string) => readonly PiiFinding[] = () => []): unknown {
    if (typeof value === 'string') return this.redact(value, keep(path))
    if (Array.isArray(value)) return value.map((v, i) => this.redactDeep(v, `${path}.${i}`, keep))
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.redactDeep(v, `${path}.${k}`, keep)]))
    }
    return value
  }

  /** Findings left in place because the writer dismissed them. */
  dismissed = 0

  get total(): number {
    return this.placeholders.total
  }
}
