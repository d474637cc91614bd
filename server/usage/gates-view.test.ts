import { describe, expect, it } from 'vitest'
import { GATE_HOUR_EDGES, histogramPercentile } from './gates-view'

const bucketOf = (hours: number) => GATE_HOUR_EDGES.filter((e) => hours >= e).length

describe('gate time percentiles from the hourly histogram', () => {
  it('interpolates inside the bucket and stays within one bucket of the exact percentile', () => {
    const hours = Array.from({ length: 1000 }, (_, i) => (i * 7.3) % 200)
    const counts = Array<number>(GATE_HOUR_EDGES.length + 1).fill(0)
    for (const h of hours) counts[bucketOf(h)]!++
    const sorted = [...hours].sort((a, b) => a - b)
    for (const p of [0.5, 0.9]) {
      const exact = sorted[Math.floor(p * sorted.length)]!
      const got = histogramPercentile(counts, p)!
      const b = bucketOf(exact)
      expect(got).toBeGreaterThanOrEqual(b === 0 ? 0 : GATE_HOUR_EDGES[b - 1]!)
      expect(got).toBeLessThanOrEqual(GATE_HOUR_EDGES[b] ?? Infinity)
    }
  })

  it("no decisions: no percentile; all beyond 30 days: the open bucket's lower edge", () => {
    expect(histogramPercentile(Array(22).fill(0), 0.5)).toBeNull()
    const late = Array<number>(22).fill(0)
    late[21] = 3
    expect(histogramPercentile(late, 0.9)).toBe(720)
    const one = Array<number>(22).fill(0)
    one[bucketOf(5)] = 2 // two decisions between 4 and 6 hours
    expect(histogramPercentile(one, 0.5)).toBe(5)
  })
})
