// The work calendar of a policy: which days count for a review's SLA. Weekdays, minus the public
// holidays and moved days off of a production calendar (policies/calendars/<name>.yaml), plus the
// weekend days made working days, plus the company's own days off; dates in the policy's time zone.
import { z } from 'zod'

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')

/** policies/calendars/<name>.yaml: one country's production calendar, year by year, and its fixed holidays. */
export const CalendarFile = z.strictObject({
  name: z.string().min(1),
  /** MM-DD of the public holidays, for a year the file does not have yet (moved off a weekend by the Labour Code's rule). */
  fixed_holidays: z.array(z.string().regex(/^\d{2}-\d{2}$/, 'a day as MM-DD')),
  years: z.record(
    z.string().regex(/^\d{4}$/),
    z.strictObject({ decree: z.string().min(1), days_off: z.array(IsoDate).default([]), working_days: z.array(IsoDate).default([]) }),
  ),
})
export type CalendarFile = z.infer<typeof CalendarFile>

export type WorkCalendar = {
  timeZone: string
  /** Weekdays that are not worked (holidays, moved days off, the company's own). */
  daysOff: ReadonlySet<string>
  /** Weekend days that are worked (a moved working Saturday). */
  workingDays: ReadonlySet<string>
  /** Years the production calendar has; other years fall back to `fixedHolidays`. */
  years: ReadonlySet<number>
  fixedHolidays: readonly string[]
}

/** Monday to Friday in UTC: what a policy without a calendar counts. */
export const PLAIN_WEEKDAYS: WorkCalendar = {
  timeZone: 'UTC',
  daysOff: new Set(),
  workingDays: new Set(),
  years: new Set(),
  fixedHolidays: [],
}

export function workCalendar(
  spec: { time_zone: string; days_off: readonly string[]; working_days: readonly string[] },
  production?: CalendarFile,
): WorkCalendar {
  const years = Object.entries(production?.years ?? {})
  return {
    timeZone: spec.time_zone,
    daysOff: new Set([...years.flatMap(([, y]) => y.days_off), ...spec.days_off]),
    workingDays: new Set([...years.flatMap(([, y]) => y.working_days), ...spec.working_days]),
    years: new Set(years.map(([y]) => Number(y))),
    fixedHolidays: production?.fixed_holidays ?? [],
  }
}

const ymd = (d: Date) => d.toISOString().slice(0, 10)
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6

/**
 * The holidays of a year the production calendar does not have: each fixed holiday, moved to the
 * next weekday when it falls on a weekend (the New Year days excepted: their moves are decreed).
 */
function fallbackDaysOff(cal: WorkCalendar, year: number): Set<string> {
  const off = new Set<string>()
  for (const md of cal.fixedHolidays) {
    const d = new Date(`${year}-${md}T00:00:00Z`)
    if (!isWeekend(d)) off.add(ymd(d))
    else if (!md.startsWith('01-')) {
      while (isWeekend(d) || off.has(ymd(d))) d.setUTCDate(d.getUTCDate() + 1)
      off.add(ymd(d))
    }
  }
  return off
}

const fallbacks = new WeakMap<WorkCalendar, Map<number, Set<string>>>()

/** Whether a calendar day (a UTC midnight standing for a local date) is worked. */
export function isWorkingDay(cal: WorkCalendar, day: Date): boolean {
  const key = ymd(day)
  if (cal.workingDays.has(key)) return true
  if (isWeekend(day) || cal.daysOff.has(key)) return false
  const year = day.getUTCFullYear()
  if (cal.years.has(year) || cal.fixedHolidays.length === 0) return true
  let byYear = fallbacks.get(cal)
  if (!byYear) fallbacks.set(cal, (byYear = new Map()))
  let off = byYear.get(year)
  if (!off) byYear.set(year, (off = fallbackDaysOff(cal, year)))
  return !off.has(key)
}

/** The wall-clock parts of an instant in a zone, as a UTC date whose fields read the same. */
function wallClock(at: Date, timeZone: string): Date {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  )
  return new Date(Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!, at.getUTCMilliseconds()))
}

/** The instant a wall-clock time (as from wallClock) is in a zone. */
function fromWallClock(wall: Date, timeZone: string): Date {
  // the zone's offset near that time, taken twice so a day the offset changes lands right
  let guess = wall.getTime()
  for (let i = 0; i < 2; i++) guess = wall.getTime() - (wallClock(new Date(guess), timeZone).getTime() - guess)
  return new Date(guess)
}

/** `days` working days after `from`, at the same local time; a gate opened on a day off with 0 days is due on the next working day. */
export function addBusinessDays(from: Date, days: number, cal: WorkCalendar = PLAIN_WEEKDAYS): Date {
  const wall = wallClock(from, cal.timeZone)
  const day = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()))
  let left = days
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1)
    if (isWorkingDay(cal, day)) left--
  }
  while (!isWorkingDay(cal, day)) day.setUTCDate(day.getUTCDate() + 1)
  const due = new Date(day.getTime() + (wall.getTime() - Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())))
  return fromWallClock(due, cal.timeZone)
}
