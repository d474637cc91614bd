import type { UsageSummary } from '../../../../contracts/usage'

/** Periods a CMO asks about most; `custom` takes its days from the URL. */
export const PRESETS = ['this-month', 'last-month', 'last-90-days', 'last-12-months', 'custom'] as const
export type Preset = (typeof PRESETS)[number]
export const isPreset = (s: string | null): s is Preset => (PRESETS as readonly (string | null)[]).includes(s)

export type Period = { from: string; to: string }

const DAY = /^\d{4}-\d{2}-\d{2}$/
/** A real calendar day as YYYY-MM-DD (2025-02-30 is not one). */
export function isDay(s: string | null): s is string {
  if (s === null || !DAY.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s)
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10)

/**
 * A preset's first and last day, in UTC like the server's months (server/usage/budget.ts).
 * Relative to `now`, so a shared link to "last month" means the month before the day it is opened.
 */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, now = new Date()): Period {
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth()
  const d = now.getUTCDate()
  switch (preset) {
    case 'this-month':
      return { from: day(y, m, 1), to: day(y, m + 1, 0) }
    case 'last-month':
      return { from: day(y, m - 1, 1), to: day(y, m, 0) }
    case 'last-90-days':
      return { from: day(y, m, d - 89), to: day(y, m, d) }
    case 'last-12-months':
      return { from: day(y, m - 11, 1), to: day(y, m, d) }
  }
}

export type SeriesPoint = UsageSummary['series'][number]

/**
 * The API lists only buckets with calls; a chart needs the quiet days too. Every day (or month)
 * of the period up to today, with zeros where nothing happened.
 */
export function fillSeries(summary: Pick<UsageSummary, 'period' | 'series'>, now = new Date()): SeriesPoint[] {
  const { from, to, bucket } = summary.period
  const today = now.toISOString().slice(0, 10)
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as strings; Math.min would make them NaN
  const last = to < today ? to : today
  const known = new Map(summary.series.map((p) => [p.bucket, p]))
  const out: SeriesPoint[] = []
  const cursor = new Date(`${from}T00:00:00Z`)
  if (bucket === 'month') cursor.setUTCDate(1)
  const width = bucket === 'day' ? 10 : 7
  while (cursor.toISOString().slice(0, 10) <= last) {
    const key = cursor.toISOString().slice(0, width)
    out.push(known.get(key) ?? { bucket: key, calls: 0, costUsd: 0, offlineCalls: 0 })
    if (bucket === 'day') cursor.setUTCDate(cursor.getUTCDate() + 1)
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1)
  }
  // a bucket outside the expected range (clock skew between browser and server) is still shown
  for (const p of summary.series) if (!out.some((o) => o.bucket === p.bucket)) out.push(p)
  return out.sort((a, b) => a.bucket.localeCompare(b.bucket))
}
