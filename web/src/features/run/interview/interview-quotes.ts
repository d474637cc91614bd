import type { InterviewDraft, InterviewEntry, Quote } from '../../../../../contracts/drafts'
import { locateQuote, type Span } from './transcript-marks'

/** The lists every summary has: the whole draft (one interview, or the synthesis) and each interview. */
export type SummaryParts = Pick<InterviewDraft, 'insights' | 'needs' | 'objections' | 'barriers' | 'quotes'>

/** Where a click on a quote leads: an interview (its index in `interviews`) and a span of its transcript. */
export type QuoteTarget = Span & { index: number }

export const quotesOf = (p: SummaryParts): Quote[] => [
  ...p.insights.flatMap((i) => i.quotes),
  ...p.needs.flatMap((n) => n.quotes),
  ...p.objections.flatMap((o) => o.quotes),
  ...p.barriers.flatMap((b) => b.quotes),
  ...p.quotes,
]

/**
 * The interview a quote is from and where in its transcript. A quote names its interview in a
 * synthesis; otherwise it belongs to `fallback` (the one interview, or the one whose lists it is in).
 */
export function resolveQuote(interviews: readonly InterviewEntry[], fallback: number | null, q: Quote): QuoteTarget | null {
  const index = q.interview !== undefined ? interviews.findIndex((i) => i.id === q.interview) : (fallback ?? -1)
  const entry = interviews[index]
  const span = entry ? locateQuote(entry.transcript, q) : null
  return span && { index, ...span }
}

/** Every span of one interview's transcript that some quote on the screen points at. */
export function quotedSpans(draft: InterviewDraft, index: number): Span[] {
  const entry = draft.interviews[index]
  if (!entry) return []
  const top = draft.interviews.length === 1 ? 0 : null
  const own = quotesOf(entry).map((q) => resolveQuote(draft.interviews, index, q))
  const synthesis = [...quotesOf(draft), ...draft.objectionMap.map((r) => r.example)].map((q) => resolveQuote(draft.interviews, top, q))
  return [...own, ...synthesis].filter((t): t is QuoteTarget => t !== null && t.index === index)
}
