import { address } from './address'
import { STRUCTURED } from './structured'
import type { PiiDetector, PiiFinding } from './types'

/**
 * All personal data in a text, without overlaps: where two findings overlap, the more confident
 * one wins, then the longer (a phone inside an address is redacted as the address).
 * Sorted by start. Detectors are pluggable.
 */
export const DETECTORS: readonly PiiDetector[] = [...STRUCTURED, address]

export function scanPii(text: string, detectors: readonly PiiDetector[] = DETECTORS): PiiFinding[] {
  const all = detectors.flatMap((d) => d(text)).filter((f) => f.end > f.start)
  all.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: PiiFinding[] = []
  for (const f of all) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f)
  return kept.sort((a, b) => a.start - b.start)
}
