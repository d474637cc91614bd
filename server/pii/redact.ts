/**
 * Replaces findings with placeholders numbered by first occurrence, per type: the same value is
 * the same [PERSON_1] in every text given to one Placeholders. Deterministic: the same texts in
 * the same order always give the same output. The mapping never leaves this object.
 */
export class Placeholders {
  private readonly byValue = new Map<string, string>()
  private readonly counters = new Map<string, number>()
  readonly counts: Record<string, number> = {}

  apply(text: string, findings: readonly { type: string; start: number; end: number }[]): string {
    let out = ''
    let at = 0
    for (const f of [...findings].sort((a, b) => a.start - b.start)) {
      if (f.start < at) continue
      const key = `${f.type}:${normalizeValue(f.type, text.slice(f.start, f.end))}`
      let placeholder = this.byValue.get(key) ?? (f.type === 'PERSON' ? this.samePerson(key) : undefined)
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

  /**
   * A shorter or longer mention of a name already seen: "Марина Игоревна" and "Кузнецовой Марине"
   * after "Кузнецова Марина Игоревна". Two shared words at least, so two Марины stay apart.
   */
  private samePerson(key: string): string | undefined {
    const words = new Set(key.slice('PERSON:'.length).split(' '))
    if (words.size < 2) return undefined
    for (const [known, placeholder] of this.byValue) {
      if (!known.startsWith('PERSON:')) continue
      const other = new Set(known.slice('PERSON:'.length).split(' '))
      const [small, big] = words.size <= other.size ? [words, other] : [other, words]
      if ([...small].every((w) => big.has(w))) return placeholder
    }
    return undefined
  }

  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0)
  }
}

/**
 * One value spelled two ways is one value: "+7 916 123-45-67" = "89161234567", case ignored,
 * and a name in another grammatical case or order is the same person ("Ивановой Марии" =
 * "Мария Иванова").
 */
function normalizeValue(type: string, value: string): string {
  if (type === 'PERSON') {
    return value
      .toLowerCase()
      .replace(/ё/g, 'е')
      .split(/[\s.]+/)
      .filter((w) => w.length > 1)
      .map((w) => w.replace(/(?:ой|ою|ым|ом|ем|ей|ии|ию|ия|ья|ье|ьи|ью|а|у|е|ы|и|я|ю|й)$/u, ''))
      .sort()
      .join(' ')
  }
  const digits = value.replace(/\D/g, '')
  if (digits.length >= 7 && digits.length / value.replace(/\s/g, '').length > 0.6) {
    return /^[78]\d{10}$/.test(digits) ? digits.slice(1) : digits
  }
  return value.toLowerCase().replace(/\s+/g, ' ').trim()
}
