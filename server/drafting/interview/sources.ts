import type { InterviewTranscript } from '../../../contracts/briefs'

export type InterviewSource = { id: string; segment?: string; text: string }

/** The interviews of a brief: one `transcript`, or `transcripts` (plain strings or {id, segment, text}), ids unique. */
export function sourcesOf(inputs: { transcript?: string; transcripts?: (string | Partial<InterviewTranscript>)[] }): InterviewSource[] {
  const list = inputs.transcripts ?? (inputs.transcript ? [inputs.transcript] : [])
  const seen = new Set<string>()
  return list.map((t, n) => {
    const one = typeof t === 'string' ? { text: t } : t
    let id = one.id?.trim() || `interview-${n + 1}`
    if (seen.has(id)) id = `${id}-${n + 1}`
    seen.add(id)
    return { id, ...(one.segment ? { segment: one.segment } : {}), text: one.text ?? '' }
  })
}
