import type { RiskHit } from './classify'
import type { Policy } from './load'
import type { RiskCategory } from './schema'

/** `statement`: the claim's normalised text, one per distinct checkable statement of a draft. */
export type ExtractedClaim = { text: string; kind: string; start: number | null; end: number | null; statement: string }

const KIND: Partial<Record<string, string>> = { factual_claim: 'fact', superlative: 'comparison' }

/**
 * Punctuation, quotes, dashes and list bullets: none of them changes what a statement says.
 * claim_statement() in server/db/migrations/009_claims_carry.sql strips the same characters
 * (test/claims-statement.test.ts holds the two to each other).
 */
export const STATEMENT_PUNCTUATION = `.,;:!?…'"\`«»„“”‟‘’‚‛‹›()[]{}‐‑‒–—―•·*_/\\|-`
const PUNCT = new RegExp(`[${STATEMENT_PUNCTUATION.replace(/[\]\\^-]/g, '\\$&')}]`, 'gu')

/** A statement as the fact-checker reads it: case, ё/е, punctuation, quotes and spacing do not count. */
export const statementOf = (text: string) => text.toLowerCase().replaceAll('ё', 'е').replace(PUNCT, ' ').replace(/\s+/gu, ' ').trim()

/**
 * Labels of the drafts' layout (server/drafting/<kind> toText: "Вариант 1:", "Срок:", "Method:",
 * "Proofs:") and the usual field names a model or a writer puts in front of a value. A label is
 * a field name, not part of what is claimed.
 */
const LABELS = [
  'вариант',
  'для кого',
  'кому',
  'аудитория',
  'задача',
  'срок',
  'сроки',
  'срок результата',
  'метод',
  'как',
  'способ',
  'отличие',
  'отличия',
  'доказательства',
  'доказательство',
  'продукт',
  'оффер',
  'предложение',
  'формат',
  'канал',
  'не хватает в брифе',
  'нужно доказательство',
  'variant',
  'option',
  'for whom',
  'audience',
  'task',
  'timeframe',
  'time frame',
  'deadline',
  'method',
  'how',
  'difference',
  'differentiator',
  'proofs',
  'proof',
  'product',
  'offer',
  'format',
  'channel',
  'missing from the brief',
  'proof needed',
  'one-liner',
  'pitch',
]
const LABEL_HEAD = new RegExp(`^(?:${LABELS.map((l) => l.replace(/ /g, '\\s+')).join('|')})(?:\\s+\\d{1,2})?\\s*:\\s*`, 'iu')

/** Words that put a parameter into a sentence ("за 2 месяца", "within 30 days") without changing it. */
const LEAD_WORDS = /^(?:за|в течение|до|через|на|in|within|by|under|for|over) /u
const bare = (statement: string) => statement.replace(LEAD_WORDS, '')

type Span = { start: number; end: number; label: boolean }

/**
 * Sentences and lines with their offsets, list markers dropped and a layout label ("Срок: …")
 * cut off: a labelled span is its value only. A full stop inside a number (4.9) or a web address
 * does not end a sentence.
 */
function spans(text: string): Span[] {
  const out: Span[] = []
  const re = /(?:[^\n.!?…]|[.!?…](?=[^\s.!?…"»”)]))+(?:[.!?…]+["»”)]*|(?=\n)|$)/gu
  for (const m of text.matchAll(re)) {
    const marker = /^\s*(?:[-–—•*]\s+|\d{1,2}[.)]\s+)?/u.exec(m[0])![0].length
    let start = m.index + marker
    const head = LABEL_HEAD.exec(text.slice(start, m.index + m[0].length))
    if (head) start += head[0].length
    const body = text.slice(start, m.index + m[0].length).trimEnd()
    if (body.length > 1) out.push({ start, end: start + body.length, label: head !== null })
  }
  return out
}

/**
 * What a draft restates from its brief rather than claims: the brief's audience, task, offer and
 * every text input but the proofs (product, timeframe, method, differentiator of an offer).
 */
export function briefParameters(brief: { audience: string; task: string; offer: string; inputs: Record<string, unknown> }): string[] {
  const inputs = Object.entries(brief.inputs)
    .filter(([k]) => k !== 'proofs')
    .flatMap(([, v]) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []))
  return [brief.audience, brief.task, brief.offer, ...inputs].filter((s) => s.trim().length > 0)
}

/** A parameter, or its first clause (the offline engine quotes that much), as a statement. */
function parameterStatements(params: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (const p of params) {
    for (const s of [p, p.split(/[.;:\n(]|\s[—–-]\s/u)[0] ?? '']) {
      const st = bare(statementOf(s))
      if (st) out.add(st)
    }
  }
  return out
}

/**
 * The factual statements a fact-checker must verify, each once across all variants: every
 * sentence holding a checkable claim or a comparison (from the risk hits), plus the proofs the
 * draft cites. Claims are deduplicated by their normalised statement, keeping the first
 * occurrence's offsets. A layout field ("Срок: за 2 месяца") is a claim of its value only, and
 * none at all when the value just restates a brief parameter (`params`).
 */
export function extractClaims(text: string, risks: RiskHit[], proofs: string[] = [], params: readonly string[] = []): ExtractedClaim[] {
  const all = spans(text)
  const restated = parameterStatements(params)
  const hit = new Set<number>()
  for (const r of risks) {
    if (!KIND[r.category] || r.end <= r.start) continue
    const i = all.findIndex((s) => r.start >= s.start && r.start < s.end)
    if (i >= 0) hit.add(i)
  }
  const kindOf = (s: Span) => KIND[risks.find((r) => KIND[r.category] && r.start >= s.start && r.start < s.end)!.category]!
  const claims: ExtractedClaim[] = []
  const seen = new Set<string>()
  for (const i of [...hit].sort((a, b) => a - b)) {
    const s = all[i]!
    const claimText = text.slice(s.start, s.end)
    const statement = statementOf(claimText)
    if (!statement || seen.has(statement) || (s.label && restated.has(bare(statement)))) continue
    seen.add(statement)
    claims.push({ text: claimText, kind: kindOf(s), start: s.start, end: s.end, statement })
  }
  for (const proof of proofs) {
    const clean = proof.trim()
    const statement = statementOf(clean)
    if (!statement || seen.has(statement) || claims.some((c) => c.statement.includes(statement))) continue
    seen.add(statement)
    const at = all.find((s) => statementOf(text.slice(s.start, s.end)) === statement)
    claims.push({
      text: at ? text.slice(at.start, at.end) : clean,
      kind: 'proof',
      start: at?.start ?? null,
      end: at?.end ?? null,
      statement,
    })
  }
  return claims.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity))
}

/**
 * Whether these categories need a fact check even with no claim to check: some category that
 * brings `fact_check` also brings another gate (finance, medicine, superlatives: a higher risk
 * than a number to verify). A category whose only gate is `fact_check` (factual_claim) needs it
 * only for its claims.
 */
export function needsFactCheckWithoutClaims(policy: Policy, categories: readonly RiskCategory[]): boolean {
  return categories.some((c) => {
    const gates = policy.file.categories[c] ?? []
    return gates.includes('fact_check') && gates.some((g) => g !== 'fact_check')
  })
}
