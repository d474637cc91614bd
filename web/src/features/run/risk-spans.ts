import type { RiskHit } from '../../../../contracts/runs'

/** A stretch of the draft text: plain (no hits) or one highlight holding every hit that overlaps it. */
export type TextSegment = { start: number; end: number; hits: RiskHit[] }

/**
 * Cuts the text into plain and highlighted segments. Overlapping hits merge into one segment so
 * the highlights never nest; hits with no range (something missing) or outside the text are left
 * to the risk list.
 */
export function segmentText(text: string, risks: readonly RiskHit[]): TextSegment[] {
  const hits = risks
    .filter((h) => h.start >= 0 && h.start < h.end && h.start < text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end)

  const marks: TextSegment[] = []
  for (const h of hits) {
    const end = Math.min(h.end, text.length)
    const last = marks.at(-1)
    if (last && h.start < last.end) {
      last.end = Math.max(last.end, end)
      last.hits.push(h)
    } else {
      marks.push({ start: h.start, end, hits: [h] })
    }
  }

  const out: TextSegment[] = []
  let pos = 0
  for (const m of marks) {
    if (m.start > pos) out.push({ start: pos, end: m.start, hits: [] })
    out.push(m)
    pos = m.end
  }
  if (pos < text.length) out.push({ start: pos, end: text.length, hits: [] })
  return out
}

/** Distinct values in first-seen order, for the data attributes and the tooltip. */
export const distinct = (values: readonly string[]) => [...new Set(values)]

/** One entry of the risk list: every hit of one rule, with how often each wording matched. */
export type RiskGroup = {
  category: string
  rule: string
  article?: string
  explain: string
  fix?: string
  texts?: RiskHit['texts']
  matches: { text: string; count: number }[]
  /** The rule found something missing rather than a wording in the text. */
  missing: boolean
}

export function groupRisks(risks: readonly RiskHit[]): RiskGroup[] {
  const groups = new Map<string, RiskGroup>()
  for (const h of risks) {
    const key = `${h.category}\u0000${h.rule}`
    let g = groups.get(key)
    if (!g) {
      g = {
        category: h.category,
        rule: h.rule,
        article: h.article,
        explain: h.explain,
        fix: h.fix,
        texts: h.texts,
        matches: [],
        missing: false,
      }
      groups.set(key, g)
    }
    if (h.start === h.end) {
      g.missing = true
      continue
    }
    const text = h.match.trim()
    const seen = g.matches.find((m) => m.text.toLowerCase() === text.toLowerCase())
    if (seen) seen.count += 1
    else g.matches.push({ text, count: 1 })
  }
  return [...groups.values()]
}
