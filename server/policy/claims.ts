import type { RiskHit } from './classify'

export type ExtractedClaim = { text: string; kind: string; start: number | null; end: number | null }

const KIND: Partial<Record<string, string>> = { factual_claim: 'fact', superlative: 'comparison' }

/** Sentences (and lines) with their offsets. */
function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  const re = /[^\n.!?…]+(?:[.!?…]+|(?=\n)|$)/gu
  for (const m of text.matchAll(re)) {
    // a list marker ("- ", "• ") is layout, not part of the claim
    const lead = /^[\s\-–—•*]*/u.exec(m[0])![0].length
    const body = m[0].slice(lead).trim()
    if (body.length > 1) out.push({ start: m.index + lead, end: m.index + lead + body.length })
  }
  return out
}

/**
 * The factual statements a fact-checker must verify: every sentence holding a checkable claim
 * or a comparison (from the risk hits), plus the proofs the draft cites. One claim per sentence.
 */
export function extractClaims(text: string, risks: RiskHit[], proofs: string[] = []): ExtractedClaim[] {
  const claims: ExtractedClaim[] = []
  const taken = new Set<number>()
  const spans = sentences(text)
  for (const r of risks) {
    const kind = KIND[r.category]
    if (!kind || r.end <= r.start) continue
    const i = spans.findIndex((s) => r.start >= s.start && r.start < s.end)
    if (i < 0 || taken.has(i)) continue
    taken.add(i)
    const s = spans[i]!
    claims.push({ text: text.slice(s.start, s.end), kind, start: s.start, end: s.end })
  }
  for (const proof of proofs) {
    const clean = proof.trim()
    if (!clean || claims.some((c) => c.text.includes(clean))) continue
    const at = text.indexOf(clean)
    claims.push({ text: clean, kind: 'proof', start: at >= 0 ? at : null, end: at >= 0 ? at + clean.length : null })
  }
  return claims.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity))
}
