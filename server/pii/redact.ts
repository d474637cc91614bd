import type { PiiFinding } from './types'

/**
 * Replaces findings with placeholders numbered by first occurrence, per type: the same value is
 * the same [PERSON_1] in every text given to one Placeholders. Deterministic: the same texts in
 * the same order always give the same output. The mapping never leaves this object.
 */
export class Placeholders {
  private readonly byValue = new Map<string, string>()
  private readonly counters = new Map<string, number>()
  readonly counts: Record<string, number> = {}

  apply(text: string, findings: readonly PiiFinding[]): string {
    let out = ''
    let at = 0
    for (const f of [...findings].sort((a, b) => a.start - b.start)) {
      if (f.start < at) continue
      const key = `${f.type}:${normalizeValue(text.slice(f.start, f.end))}`
      let placeholder = this.byValue.get(key)
      if (!placeholder) {
        const n = (this.counters.get(f.type) ?? 0) + 1
        this.counters.set(f.type, n)
        placeholder = `[${f.type}_${n}]`
        this.byValue.set(key, placeholder)
      }
      this.counts[f.type] = (this.counts[f.type] ?? 0) + 1
      out += text.slice(at, f.start) + placeholder
      at = f.end
    }
    return out + text.slice(at)
  }

  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0)
  }
}

/** One value spelled two ways is one value: "+7 916 123-45-67" = "89161234567", case ignored. */
function normalizeValue(value: string): string {
  const digits = value.replace(/\D/g, '')
  if (digits.length >= 7 && digits.length / value.replace(/\s/g, '').length > 0.6) {
    return /^[78]\d{10}$/.test(digits) ? digits.slice(1) : digits
  }
  return value.toLowerCase().replace(/\s+/g, ' ').trim()
}
