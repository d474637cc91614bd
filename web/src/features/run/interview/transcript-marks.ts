import type { InterviewEntry, Quote } from '../../../../../contracts/drafts'

export type Span = { start: number; end: number }
type Speaker = InterviewEntry['speakers'][number]

/**
 * Where a quote is in its transcript. The contract promises `text === transcript.slice(start, end)`;
 * a quote whose offsets disagree (a model's miscount) is found by its text instead, and one that is
 * not in the transcript at all is not located rather than pointed at the wrong words.
 */
export function locateQuote(transcript: string, q: Pick<Quote, 'text' | 'start' | 'end'>): Span | null {
  if (q.start < q.end && transcript.slice(q.start, q.end) === q.text) return { start: q.start, end: q.end }
  const at = transcript.indexOf(q.text)
  return at === -1 ? null : { start: at, end: at + q.text.length }
}

/** A stretch of the transcript: plain text, a quoted span, or a speaker's label at the start of a turn. */
export type TranscriptSegment =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'quote'; start: number; end: number }
  | { kind: 'speaker'; start: number; end: number; role: Speaker['role'] }

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** "Interviewer:" / "Anna:" at the start of a line: the label, not the colon. */
function speakerLabels(text: string, speakers: readonly Speaker[]): TranscriptSegment[] {
  const out: TranscriptSegment[] = []
  for (const s of speakers) {
    if (!s.label) continue
    const re = new RegExp(`^[ \\t]*(${escapeRegExp(s.label)})[ \\t]*:`, 'gmu')
    for (const m of text.matchAll(re)) {
      const start = m.index + m[0].indexOf(m[1]!)
      out.push({ kind: 'speaker', start, end: start + m[1]!.length, role: s.role })
    }
  }
  return out
}

/**
 * Cuts the transcript into segments. Quoted spans that overlap merge into one (the same sentence is
 * often cited by several items) so marks never nest; a speaker label inside a quote stays plain.
 */
export function transcriptSegments(text: string, spans: readonly Span[], speakers: readonly Speaker[]): TranscriptSegment[] {
  const quotes: TranscriptSegment[] = []
  for (const s of [...spans].filter((x) => x.start < x.end && x.start < text.length).sort((a, b) => a.start - b.start)) {
    const last = quotes.at(-1)
    const end = Math.min(s.end, text.length)
    if (last && s.start < last.end) last.end = Math.max(last.end, end)
    else quotes.push({ kind: 'quote', start: s.start, end })
  }
  const labels = speakerLabels(text, speakers).filter((l) => !quotes.some((q) => l.start < q.end && q.start < l.end))
  const marks = [...quotes, ...labels].sort((a, b) => a.start - b.start)

  const out: TranscriptSegment[] = []
  let pos = 0
  for (const m of marks) {
    if (m.start < pos) continue // two speakers' labels cannot overlap, but never emit text twice
    if (m.start > pos) out.push({ kind: 'text', start: pos, end: m.start })
    out.push(m)
    pos = m.end
  }
  if (pos < text.length) out.push({ kind: 'text', start: pos, end: text.length })
  return out
}
