import type { Lang } from '../../../contracts/briefs'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** Dates like a deadline (`YYYY-MM-DD`) have no time zone: format them as UTC so they never shift a day. */
export function formatDate(value: string | null | undefined, lang: Lang): string {
  if (!value) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeZone: DATE_ONLY.test(value) ? 'UTC' : undefined,
  }).format(d)
}

export function formatDateTime(value: string | null | undefined, lang: Lang): string {
  if (!value) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d)
}

export function isPast(value: string | null | undefined, now = Date.now()): boolean {
  if (!value) return false
  const t = new Date(value).getTime()
  return !Number.isNaN(t) && t < now
}

/** A share (0..1) as a whole percentage; a small but real change never reads as "0 %". */
export function formatShare(ratio: number, lang: Lang): string {
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 })
  return ratio > 0 && ratio < 0.005 ? `<${pct.format(0.01)}` : pct.format(ratio)
}
