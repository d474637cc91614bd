import { describe, expect, it } from 'vitest'
import { POLICIES_DIR } from './cli'
import { addBusinessDays, isWorkingDay, workCalendar } from './calendar'
import { loadPolicy } from './load'

const cal = loadPolicy(POLICIES_DIR).calendar
const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`)
const workingDaysOf = (year: number) => {
  let n = 0
  for (const d = day(`${year}-01-01`); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) if (isWorkingDay(cal, d)) n++
  return n
}

describe('the work calendar of the shipped policy (Russian production calendar, Moscow time)', () => {
  it('has the year’s official count of working days', () => {
    expect(workingDaysOf(2025)).toBe(247)
    expect(workingDaysOf(2026)).toBe(247)
  })

  it('a review due over the New Year holidays is due on the first working day after them, at the same Moscow time', () => {
    // opened Tuesday 29 December 2026, 15:30 in Moscow, with 2 business days: 30 Dec, then 11 January
    const opened = new Date('2026-12-29T12:30:00Z')
    expect(addBusinessDays(opened, 2, cal).toISOString()).toBe('2027-01-11T12:30:00.000Z')
    // 2026: opened 30 December 2025 (the last working day), one day: 12 January 2026
    expect(addBusinessDays(new Date('2025-12-30T09:00:00Z'), 1, cal).toISOString()).toBe('2026-01-12T09:00:00.000Z')
  })

  it('a moved working Saturday counts, a moved day off does not', () => {
    expect(isWorkingDay(cal, day('2025-11-01'))).toBe(true) // Saturday worked (decree 1335)
    expect(isWorkingDay(cal, day('2025-11-03'))).toBe(false) // Monday off in its place
    expect(isWorkingDay(cal, day('2025-05-08'))).toBe(false)
    expect(isWorkingDay(cal, day('2026-03-09'))).toBe(false) // 8 March fell on a Sunday
    expect(addBusinessDays(new Date('2025-10-31T10:00:00Z'), 1, cal).toISOString()).toBe('2025-11-01T10:00:00.000Z')
  })

  it('the Moscow date decides, not the UTC one: 23:30 UTC on Friday is Saturday in Moscow', () => {
    // Friday 6 March 2026 23:30 UTC = Saturday 02:30 in Moscow; 7-9 March are off: due Tuesday 10th, 02:30 Moscow
    expect(addBusinessDays(new Date('2026-03-06T23:30:00Z'), 0, cal).toISOString()).toBe('2026-03-09T23:30:00.000Z')
  })

  it('a year without its decree yet counts the fixed holidays, moved off a weekend (not the New Year days)', () => {
    const fallback = workCalendar(
      { time_zone: 'Europe/Moscow', days_off: [], working_days: [] },
      {
        name: 'test',
        fixed_holidays: [
          '01-01',
          '01-02',
          '01-03',
          '01-04',
          '01-05',
          '01-06',
          '01-07',
          '01-08',
          '02-23',
          '03-08',
          '05-01',
          '05-09',
          '06-12',
          '11-04',
        ],
        years: {},
      },
    )
    // 2027: 23 February is a Tuesday; 8 March a Monday; 9 May a Sunday -> Monday 10 May
    expect(isWorkingDay(fallback, day('2027-02-23'))).toBe(false)
    expect(isWorkingDay(fallback, day('2027-03-08'))).toBe(false)
    expect(isWorkingDay(fallback, day('2027-05-10'))).toBe(false)
    expect(isWorkingDay(fallback, day('2027-05-11'))).toBe(true)
    expect(isWorkingDay(fallback, day('2027-01-11'))).toBe(true) // New Year days on a weekend wait for the decree
  })

  it('a company day off and a policy without a calendar', () => {
    const company = workCalendar({ time_zone: 'UTC', days_off: ['2026-11-30'], working_days: ['2026-11-28'] })
    expect(addBusinessDays(new Date('2026-11-27T10:00:00Z'), 1, company).toISOString()).toBe('2026-11-28T10:00:00.000Z')
    expect(addBusinessDays(new Date('2026-11-28T10:00:00Z'), 1, company).toISOString()).toBe('2026-12-01T10:00:00.000Z')
  })
})
