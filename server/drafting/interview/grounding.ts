// The model never gives offsets: it cites a quote by the number of the turn and the words.
// The server finds those words in the transcript; a quote that is not there verbatim is a
// validation error (the provider sends it back to the model once), never a guessed span.
import { z } from 'zod'
import type { Quote } from '../../../contracts/drafts'
import { TOPICS } from './lexicon'
import type { InterviewSummary } from './summarize'
import { parseTranscript, type Transcript, type Turn } from './transcript'

const ModelQuote = z.object({ turn: z.number().int().min(0), text: z.string().min(1).max(1000) })
const cited = z.array(ModelQuote).min(1).max(6)
const Topic = z.enum([...TOPICS, 'other'])
const TopicItem = z.object({ topic: Topic, label: z.string().min(1).max(200), quotes: cited })

/** What the model returns for one transcript. */
export const InterviewReply = z.object({
  insights: z.array(z.object({ text: z.string().min(1).max(500), quotes: cited })).max(8),
  needs: z.array(z.object({ label: z.string().min(1).max(200), quotes: cited })).max(10),
  objections: z.array(TopicItem).max(12),
  barriers: z.array(TopicItem).max(12),
  quotes: z.array(ModelQuote).max(15),
})
export type InterviewReply = z.infer<typeof InterviewReply>
type ModelQuote = z.infer<typeof ModelQuote>

/** The transcript as turns; one turn for a text without speaker labels (notes, a monologue). */
export function turnsOf(t: Transcript): Turn[] {
  return t.turns.length > 0 ? t.turns : [{ index: 0, speaker: '', role: 'customer', start: 0, end: t.text.length }]
}

/** The transcript the model reads: every turn numbered, so a quote can name its turn. */
export function numberedTranscript(text: string): string {
  const t = parseTranscript(text)
  return turnsOf(t)
    .map((turn) => `[${turn.index}] ${turn.speaker ? `${turn.speaker}: ` : ''}${text.slice(turn.start, turn.end)}`)
    .join('\n')
}

/** Where a cited quote is: in the turn it names, else anywhere in the transcript if exactly once. */
export function locate(t: Transcript, q: ModelQuote): Quote | null {
  const words = q.text
    .trim()
    .replace(/^["«“]|["»”]$/gu, '')
    .trim()
  if (!words) return null
  const turns = turnsOf(t)
  const named = turns[q.turn]
  const inNamed = named ? t.text.slice(named.start, named.end).indexOf(words) : -1
  let start = named && inNamed >= 0 ? named.start + inNamed : -1
  if (start < 0) {
    const first = t.text.indexOf(words)
    if (first < 0 || t.text.indexOf(words, first + 1) >= 0) return null
    start = first
  }
  const end = start + words.length
  const turn = turns.find((x) => x.start <= start && end <= x.end)
  if (!turn) return null
  return { text: words, start, end, speaker: turn.speaker, role: turn.role }
}

/** Every cited quote that is not a verbatim part of the transcript, as messages the model can act on. */
export function quoteIssues(t: Transcript, reply: InterviewReply): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = []
  const check = (q: ModelQuote, path: (string | number)[]) => {
    if (!locate(t, q))
      out.push({ path: [...path, 'text'], message: `not a verbatim part of turn ${q.turn} of the transcript; copy the words exactly` })
  }
  reply.quotes.forEach((q, i) => check(q, ['quotes', i]))
  for (const key of ['insights', 'needs', 'objections', 'barriers'] as const) {
    reply[key].forEach((item, i) => item.quotes.forEach((q, j) => check(q, [key, i, 'quotes', j])))
  }
  return out
}

/** The reply schema for one transcript, with the verbatim check as its refinement. */
export function interviewReplySchema(text: string) {
  const t = parseTranscript(text)
  return InterviewReply.superRefine((reply, ctx) => {
    for (const issue of quoteIssues(t, reply)) ctx.addIssue({ code: 'custom', ...issue })
  })
}

/** The reply with every quote located: offsets, speaker and role come from the transcript, not the model. */
export function groundReply(text: string, reply: InterviewReply, labelOf: (topic: string) => string): Omit<InterviewSummary, 'speakers'> {
  const t = parseTranscript(text)
  const quotes = (qs: ModelQuote[]) => dedupe(qs.map((q) => locate(t, q)).filter((q): q is Quote => q !== null))
  const topicItems = (items: InterviewReply['objections']) =>
    items.map((x) => ({ key: x.topic, label: x.label || labelOf(x.topic), quotes: quotes(x.quotes) })).filter((x) => x.quotes.length > 0)
  return {
    insights: reply.insights.map((x) => ({ text: x.text, quotes: quotes(x.quotes) })).filter((x) => x.quotes.length > 0),
    needs: reply.needs.map((x) => ({ label: x.label, quotes: quotes(x.quotes) })).filter((x) => x.quotes.length > 0),
    objections: topicItems(reply.objections),
    barriers: topicItems(reply.barriers),
    quotes: quotes(reply.quotes).sort((a, b) => a.start - b.start),
  }
}

/** The offline summary in the model's reply shape, so both engines pass the same check and grounding. */
export function asReply(text: string, s: InterviewSummary): InterviewReply {
  const turns = turnsOf(parseTranscript(text))
  const cite = (q: Quote) => ({ turn: turns.find((x) => x.start <= q.start && q.end <= x.end)?.index ?? 0, text: q.text })
  const item = (x: { key: string; label: string; quotes: Quote[] }) => ({
    topic: x.key as InterviewReply['objections'][number]['topic'],
    label: x.label,
    quotes: x.quotes.map(cite),
  })
  return {
    insights: s.insights.slice(0, 8).map((x) => ({ text: x.text, quotes: x.quotes.slice(0, 6).map(cite) })),
    needs: s.needs.slice(0, 10).map((x) => ({ label: x.label, quotes: x.quotes.slice(0, 6).map(cite) })),
    objections: s.objections.slice(0, 12).map(item),
    barriers: s.barriers.slice(0, 12).map(item),
    quotes: s.quotes.slice(0, 15).map(cite),
  }
}

function dedupe(qs: Quote[]): Quote[] {
  const seen = new Set<string>()
  return qs.filter((q) => {
    const k = `${q.start}:${q.end}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
