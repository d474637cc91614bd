import type { Policy } from './load'
import { classify } from './classify'

export type PiiFinding = { type: string; start: number; end: number }

/** Personal-data findings in one text, by the policy's personal_data rules (the pluggable detectors included). */
export function findPersonalData(policy: Policy, text: string): PiiFinding[] {
  const { risks } = classify(policy, text, { channel: policy.file.channels[0]!, only: ['personal_data'] })
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
 * Replaces findings with stable placeholders across every text of one run: the same value is
 * the same [PHONE_1] everywhere. The mapping stays here; it never reaches the model or the log.
 */
export class Redactor {
  private readonly byValue = new Map<string, string>()
  private readonly counters = new Map<string, number>()
  readonly counts: Record<string, number> = {}

  constructor(private readonly policy: Policy) {}

  redact(text: string): string {
    const findings = findPersonalData(this.policy, text)
    let out = ''
    let at = 0
    for (const f of findings) {
      const value = text.slice(f.start, f.end)
      let placeholder = this.byValue.get(`${f.type}:${value}`)
      if (!placeholder) {
        const n = (this.counters.get(f.type) ?? 0) + 1
        this.counters.set(f.type, n)
        placeholder = `[${f.type}_${n}]`
        this.byValue.set(`${f.type}:${value}`, placeholder)
      }
      this.counts[f.type] = (this.counts[f.type] ?? 0) + 1
      out += text.slice(at, f.start) + placeholder
      at = f.end
    }
    return out + text.slice(at)
  }

  /** Strings anywhere inside a JSON value (brief inputs). */
  redactDeep<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T
    if (Array.isArray(value)) return value.map((v) => this.redactDeep(v)) as T
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.redactDeep(v)])) as T
    }
    return value
  }

  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0)
  }
}
