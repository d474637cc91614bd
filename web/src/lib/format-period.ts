import type { Lang } from '../../../contracts/briefs'

// Usage periods are calendar days and months in UTC (server/usage/period.ts): formatted as UTC so they never shift.

/** `2025-11` -> "November 2025". */
export function formatMonth(month: string, lang: Lang): string {
  const d = new Date(`${month}-01T00:00:00Z`)
  if (Number.isNaN(d.getTime())) return month
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d)
}

/** A chart bucket: `2025-11-03` -> "3 Nov", `2025-11` -> "Nov 25". */
export function formatBucket(bucket: string, lang: Lang): string {
  const day = bucket.length === 10
  const d = new Date(day ? `${bucket}T00:00:00Z` : `${bucket}-01T00:00:00Z`)
  if (Number.isNaN(d.getTime())) return bucket
  const options: Intl.DateTimeFormatOptions = day ? { day: 'numeric', month: 'short' } : { month: 'short', year: '2-digit' }
  return new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(d)
}
