// A synthesis of several interviews (a quarter's 10-20): the objection map (each topic -> how
// many interviews raised it, which, an example quote), differences between segments, and the
// merged items, every quote naming its interview. Built from the per-interview summaries.
import type { Lang } from '../../../contracts/briefs'
import { TOPIC_LABELS } from './lexicon'
import type { InterviewSource } from './sources'
import { summarizeInterview, type Insight, type InterviewSummary, type Need, type Quote, type TopicItem } from './summarize'

export type MapRow = { key: string; label: string; kind: 'objection' | 'barrier'; interviews: number; which: string[]; example: Quote }
export type SegmentRow = { segment: string; interviews: number; top: { key: string; label: string; interviews: number }[] }
type Entry = InterviewSummary & { id: string; segment?: string }
export type Synthesis<E extends Entry = Entry> = Omit<InterviewSummary, 'speakers'> & {
  interviews: E[]
  objectionMap: MapRow[]
  segments: SegmentRow[]
  differences: string[]
}

const tag =
  (id: string) =>
  (q: Quote): Quote => ({ ...q, interview: id })

export function synthesize(sources: InterviewSource[], lang: Lang): Synthesis {
  return synthesizeSummaries(
    sources.map((s) => ({ id: s.id, ...(s.segment ? { segment: s.segment } : {}), ...summarizeInterview(s.text, lang) })),
    lang,
  )
}

/** The synthesis of per-interview summaries, from either engine; each quote gets its interview's id. */
export function synthesizeSummaries<E extends InterviewSummary & { id: string; segment?: string }>(
  summaries: E[],
  lang: Lang,
): Synthesis<E> {
  const interviews = summaries.map((one) => {
    const t = tag(one.id)
    const items = (xs: TopicItem[]) => xs.map((x) => ({ ...x, quotes: x.quotes.map(t) }))
    return {
      ...one,
      insights: one.insights.map((i) => ({ ...i, quotes: i.quotes.map(t) })),
      needs: one.needs.map((n) => ({ ...n, quotes: n.quotes.map(t) })),
      objections: items(one.objections),
      barriers: items(one.barriers),
      quotes: one.quotes.map(t),
    }
  })

  const objectionMap = mapOf(interviews, 'objection')
    .concat(mapOf(interviews, 'barrier'))
    .sort((a, b) => b.interviews - a.interviews || a.label.localeCompare(b.label))
  const segments = segmentsOf(interviews, lang)
  const merged = (kind: 'objections' | 'barriers') => merge(interviews.flatMap((i) => i[kind]))
  const objections = merged('objections')
  const barriers = merged('barriers')
  const needs: Need[] = interviews.flatMap((i) => i.needs.slice(0, 2))
  const insights: Insight[] = objectionMap.slice(0, 5).map((row) => ({
    text:
      lang === 'ru'
        ? `${row.label}: ${row.interviews} из ${interviews.length} интервью (${row.kind === 'objection' ? 'возражение' : 'барьер'}).`
        : `${row.label}: ${row.interviews} of ${interviews.length} interviews (${row.kind}).`,
    quotes: [row.example],
  }))
  const quotes = interviews.flatMap((i) => i.quotes.slice(0, 3))
  return {
    insights,
    needs,
    objections,
    barriers,
    quotes,
    interviews: interviews as E[],
    objectionMap,
    segments,
    differences: differencesOf(segments, objectionMap, interviews.length, lang),
  }
}

export function mapOf(interviews: Entry[], kind: 'objection' | 'barrier'): MapRow[] {
  const rows = new Map<string, MapRow>()
  for (const i of interviews) {
    for (const item of kind === 'objection' ? i.objections : i.barriers) {
      const row = rows.get(item.key) ?? { key: item.key, label: item.label, kind, interviews: 0, which: [], example: item.quotes[0]! }
      if (!row.which.includes(i.id)) {
        row.which.push(i.id)
        row.interviews++
      }
      rows.set(item.key, row)
    }
  }
  return [...rows.values()]
}

function merge(items: TopicItem[]): TopicItem[] {
  const byKey = new Map<string, TopicItem>()
  for (const it of items) {
    const m = byKey.get(it.key) ?? { key: it.key, label: it.label, quotes: [] }
    m.quotes.push(...it.quotes)
    byKey.set(it.key, m)
  }
  return [...byKey.values()]
    .sort((a, b) => new Set(b.quotes.map((q) => q.interview)).size - new Set(a.quotes.map((q) => q.interview)).size)
    .map((m) => ({ ...m, quotes: m.quotes.slice(0, 5) }))
}

function segmentsOf(interviews: Entry[], lang: Lang): SegmentRow[] {
  const bySegment = new Map<string, Entry[]>()
  for (const i of interviews) if (i.segment) bySegment.set(i.segment, [...(bySegment.get(i.segment) ?? []), i])
  return [...bySegment].map(([segment, list]) => {
    const counts = new Map<string, number>()
    for (const i of list)
      for (const key of new Set([...i.objections, ...i.barriers].map((x) => x.key))) counts.set(key, (counts.get(key) ?? 0) + 1)
    const top = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([key, n]) => ({ key, label: key in TOPIC_LABELS ? TOPIC_LABELS[key as keyof typeof TOPIC_LABELS][lang] : key, interviews: n }))
    return { segment, interviews: list.length, top }
  })
}

/** Where a segment raises a topic clearly more often than all interviews do (by 25 points or more). */
function differencesOf(segments: SegmentRow[], map: MapRow[], total: number, lang: Lang): string[] {
  const overall = new Map<string, number>()
  for (const row of map) overall.set(row.key, Math.max(overall.get(row.key) ?? 0, row.interviews))
  const out: string[] = []
  for (const s of segments) {
    if (s.interviews < 2) continue
    for (const t of s.top) {
      const share = t.interviews / s.interviews
      const base = (overall.get(t.key) ?? 0) / total
      if (share - base >= 0.25) {
        const pct = (x: number) => `${Math.round(x * 100)}%`
        out.push(
          lang === 'ru'
            ? `Сегмент «${s.segment}»: ${t.label.toLowerCase()} — в ${t.interviews} из ${s.interviews} интервью (${pct(share)}), в среднем по всем ${pct(base)}.`
            : `Segment "${s.segment}": ${t.label.toLowerCase()} in ${t.interviews} of ${s.interviews} interviews (${pct(share)}), against ${pct(base)} overall.`,
        )
      }
    }
  }
  return out
}
