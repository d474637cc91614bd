import type { GateView } from '../../contracts/usage'
import type { Queryable } from '../db/connect'
import type { Scope } from './period'
import { selectAuthorGateHours, selectGateRollup, selectOpenGates, selectOverdueGates } from './view-queries'

const OVERDUE_LISTED = 50
/** Upper edges (hours) of the histogram buckets of gate_stats_daily (migration 004); the last bucket is open. */
export const GATE_HOUR_EDGES = [0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 72, 96, 120, 168, 240, 336, 480, 720]
const BUCKETS = GATE_HOUR_EDGES.length + 1

/** The p-th percentile from bucket counts, interpolated inside its bucket; the open last bucket gives its lower edge. */
export function histogramPercentile(counts: number[], p: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0)
  if (total === 0) return null
  const target = p * total
  let seen = 0
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!
    if (c > 0 && seen + c >= target) {
      const lo = i === 0 ? 0 : GATE_HOUR_EDGES[i - 1]!
      const hi = GATE_HOUR_EDGES[i]
      return hi === undefined ? lo : lo + ((target - seen) / c) * (hi - lo)
    }
    seen += c
  }
  return GATE_HOUR_EDGES.at(-1)!
}

type Decided = { gate: string; decided: number; hoursSum: number; hist: number[] }

/** Gates decided in the period: from the daily rollup, or, for one author, from their gates directly. */
async function decidedGates(db: Queryable, s: Scope): Promise<Decided[]> {
  if (s.userId) {
    const rows = await selectAuthorGateHours(db, s.userId, s)
    const by = new Map<string, Decided>()
    for (const r of rows) {
      const d = by.get(r.gate) ?? { gate: r.gate, decided: 0, hoursSum: 0, hist: Array<number>(BUCKETS).fill(0) }
      const hours = Math.max(0, r.hours)
      d.decided++
      d.hoursSum += hours
      d.hist[GATE_HOUR_EDGES.filter((e) => hours >= e).length]!++
      by.set(d.gate, d)
    }
    return [...by.values()]
  }
  const rows = await selectGateRollup(db, s, BUCKETS)
  return rows.map((r) => ({ gate: r.gate, decided: r.decided, hoursSum: r.hours_sum, hist: r.hist }))
}

/**
 * How long each gate kept drafts waiting (opened -> decided, for gates decided in the period;
 * p50/p90 interpolated in hour buckets), how many are open now and overdue, and the overdue
 * ones by how late they are (open gates are few: the partial index on open gates finds them).
 */
export async function gateView(db: Queryable, s: Scope, now = new Date()): Promise<GateView> {
  const decided = await decidedGates(db, s)
  const open = await selectOpenGates(db, s, now)
  const late = await selectOverdueGates(db, s, now, OVERDUE_LISTED)
  const names = [...new Set([...decided.map((d) => d.gate), ...open.map((r) => r.gate)])]
  return {
    gates: names.map((gate) => {
      const d = decided.find((x) => x.gate === gate)
      const o = open.find((r) => r.gate === gate)
      return {
        gate,
        decided: d?.decided ?? 0,
        meanHours: d?.decided ? d.hoursSum / d.decided : null,
        p50Hours: d ? histogramPercentile(d.hist, 0.5) : null,
        p90Hours: d ? histogramPercentile(d.hist, 0.9) : null,
        open: o?.open ?? 0,
        overdue: o?.overdue ?? 0,
      }
    }),
    overdue: late.map((r) => ({
      gateId: r.id,
      runId: r.run_id,
      gate: r.gate,
      role: r.role,
      assignee: r.assignee,
      dueAt: r.due_at.toISOString(),
      daysOverdue: Math.round(((now.getTime() - r.due_at.getTime()) / 86_400_000) * 10) / 10,
      briefTitle: r.title,
      author: r.author,
    })),
  }
}
