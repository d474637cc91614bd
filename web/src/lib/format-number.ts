import type { Lang } from '../../../contracts/briefs'

/**
 * US dollars: cents for ordinary amounts, two significant digits below a cent (one offline-cheap
 * model call costs $0.00045, and "$0.00" would hide it), a plain zero for nothing spent.
 */
export function formatUsd(amount: number, lang: Lang): string {
  const abs = Math.abs(amount)
  const options: Intl.NumberFormatOptions =
    abs === 0
      ? { maximumFractionDigits: 0 }
      : abs < 0.01
        ? { maximumSignificantDigits: 2 }
        : { minimumFractionDigits: 2, maximumFractionDigits: 2 }
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD', ...options }).format(amount)
}

export const formatCount = (n: number, lang: Lang): string => new Intl.NumberFormat(lang).format(n)

/** A count in little room (a chart axis): 14K, 1.2M (14 тыс., 1,2 млн). */
export const compactCount = (n: number, lang: Lang): string =>
  new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(n)

/** Hours a gate kept a draft waiting, to a tenth; a dash when nothing was decided. */
export function formatHours(hours: number | null, lang: Lang): string {
  if (hours === null) return '—'
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(hours)
}

/** Days, to a tenth (how late an approval is). */
export function formatDays(days: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 }).format(days)
}

/** A plain decimal number (a model temperature): 0.7 / 0,7. */
export const formatDecimal = (n: number, lang: Lang): string => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(n)
