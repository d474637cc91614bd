import { z } from 'zod'
import type { GateView } from '../../contracts/usage'
import type { Queryable } from '../db/connect'
import type { Scope } from './period'

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

const AuthorGateRow = z.object({ gate: z.string(), hours: z.number() })
const RollupRow = z.object({ gate: z.string(), decided: z.number(), hours_sum: z.number(), hist: z.array(z.number()).length(BUCKETS) })
const OpenRow = z.object({ gate: z.string(), open: z.number(), overdue: z.number() })
const LateRow = z.object({
  id: z.string(),
  run_id: z.string(),
  gate: z.string(),
  role: z.string(),
  due_at: z.coerce.date(),
  assignee: z.string().nullable(),
  title: z.string(),
  author: z.string(),
})

/** Gates decided in the period: from the daily rollup, or, for one author, from their gates directly. */
async function decidedGates(db: Queryable, s: Scope): Promise<Decided[]> {
  if (s.userId) {
    const rows = z.array(AuthorGateRow).parse(
      await db`select g.gate, extract(epoch from g.decided_at - g.opened_at)::float8 / 3600 as hours
      from gates g join runs r on r.id = g.run_id join briefs b on b.id = r.brief_id
      where r.author_id = ${s.userId} and g.decided_at >= ${s.from} and g.decided_at < ${s.until} and g.opened_at is not null
        ${s.team ? db`and r.author_team = ${s.team}` : db``} ${s.kind ? db`and b.kind = ${s.kind}` : db``}`,
    )
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
  const hist = db.unsafe(`array[${Array.from({ length: BUCKETS }, (_, i) => `sum(hist[${i + 1}])::int`).join(', ')}] as hist`)
  const rows = z.array(RollupRow).parse(
    await db`select gate, sum(decided)::int as decided, sum(hours_sum)::float8 as hours_sum, ${hist}
    from gate_stats_daily where day >= ${s.from} and day < ${s.until}
      ${s.team ? db`and team = ${s.team}` : db``} ${s.kind ? db`and kind = ${s.kind}` : db``}
    group by gate`,
  )
  return rows.map((r) => ({ gate: r.gate, decided: r.decided, hoursSum: r.hours_sum, hist: r.hist }))
}

/**
 * How long each gate kept drafts waiting (opened -> decided, for gates decided in the period;
 * p50/p90 interpolated in hour buckets), how many are open now and overdue, and the overdue
 * ones by how late they are (open gates are few: the partial index on open gates finds them).
 */
export async function gateView(db: Queryable, s: Scope, now = new Date()): Promise<GateView> {
  const runFilter = db`${s.userId ? db`and r.author_id = ${s.userId}` : db``}
    ${s.team ? db`and r.author_team = ${s.team}` : db``}
    ${s.kind ? db`and b.kind = ${s.kind}` : db``}`
  const decided = await decidedGates(db, s)
  // the joins only when a filter needs them: the counts are over every open gate otherwise
  const runs = s.userId || s.team || s.kind ? db`join runs r on r.id = g.run_id join briefs b on b.id = r.brief_id` : db``
  const open = z.array(OpenRow).parse(
    await db`
    select g.gate, count(*)::int as open, count(*) filter (where g.due_at < ${now})::int as overdue
    from gates g ${runs}
    where g.status = 'open' ${runFilter}
    group by g.gate`,
  )
  const late = z.array(LateRow).parse(
    await db`
    select g.id, g.run_id, g.gate, g.role, g.due_at, u.email as assignee, b.title, a.email as author
    from gates g join runs r on r.id = g.run_id join briefs b on b.id = r.brief_id join users a on a.id = r.author_id
      left join users u on u.id = g.assignee_id
    where g.status = 'open' and g.due_at < ${now} ${runFilter}
    order by g.due_at limit ${OVERDUE_LISTED}`,
  )
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
