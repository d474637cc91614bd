import { address } from './address'
import { people } from './name-context'
import { person } from './person'
import { foldLookalikes } from './lookalikes'
import { STRUCTURED } from './structured'
import type { PiiDetector, PiiFinding } from './types'

/** The structured detectors on the text with look-alike letters folded (lookalikes.ts): same offsets. */
const structuredFolded: PiiDetector = (text) => {
  const folded = foldLookalikes(text) ?? text
  return STRUCTURED.flatMap((d) => d(folded))
}

export const DETECTORS: readonly PiiDetector[] = [structuredFolded, address, people]

/**
 * The detectors with full names only (two-word patterns and cues, no single names in context):
 * what test/fixtures/pii/corpus.json was labelled for (its guideline predates single names).
 */
export const FULL_NAME_DETECTORS: readonly PiiDetector[] = [structuredFolded, address, person]

/** Which of two overlapping findings stays: the more confident, then the longer, then the earlier. */
const better = (a: PiiFinding, b: PiiFinding) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start

/**
 * All personal data in a text, without overlaps: where findings overlap, the more confident one
 * wins, then the longer (a phone inside an address is redacted as the address). Sorted by start.
 * Detectors are pluggable. O(n log n) in the number of findings: only findings in one cluster of
 * chained overlaps are compared with each other.
 */
export function scanPii(text: string, detectors: readonly PiiDetector[] = DETECTORS): PiiFinding[] {
  const all = detectors.flatMap((d) => d(text)).filter((f) => f.end > f.start)
  all.sort((a, b) => a.start - b.start)
  const kept: PiiFinding[] = []
  let cluster: PiiFinding[] = []
  let clusterEnd = -1
  const flush = () => {
    if (cluster.length <= 1) {
      // most findings overlap nothing: nothing to choose
      if (cluster.length === 1) kept.push(cluster[0]!)
      cluster = []
      return
    }
    const chosen: PiiFinding[] = []
    for (const f of cluster.sort(better)) if (!chosen.some((k) => f.start < k.end && k.start < f.end)) chosen.push(f)
    kept.push(...chosen.sort((a, b) => a.start - b.start))
    cluster = []
  }
  for (const f of all) {
    if (f.start >= clusterEnd) flush()
    cluster.push(f)
    clusterEnd = Math.max(clusterEnd, f.end)
  }
  flush()
  return kept
}
