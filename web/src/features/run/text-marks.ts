import type { RiskHit } from '../../../../contracts/runs'
import type { ThreadMark } from './comments/thread-marks'
import { segmentText, type TextSegment } from './risk-spans'

/** A stretch of the draft text with the risk hits and the threads that cover all of it. */
export type TextPiece = TextSegment & { threads: ThreadMark[] }

/**
 * Cuts the text for its marks: first by risk (segmentText merges overlapping hits), then each
 * segment again wherever a thread's words begin or end. A stretch can so be a risk and a thread's
 * words at once, and is drawn as one mark carrying both; the marks never nest.
 */
export function markText(text: string, risks: readonly RiskHit[], threads: readonly ThreadMark[]): TextPiece[] {
  const cuts = [...new Set(threads.flatMap((th) => [th.start, th.end]))].sort((a, b) => a - b)
  return segmentText(text, risks).flatMap((s) => {
    const pieces: TextPiece[] = []
    let from = s.start
    for (const to of [...cuts.filter((c) => c > s.start && c < s.end), s.end]) {
      pieces.push({ start: from, end: to, hits: s.hits, threads: threads.filter((th) => th.start < to && th.end > from) })
      from = to
    }
    return pieces
  })
}
