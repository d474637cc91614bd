import type { Lang } from '../../contracts/briefs'
import { detectLang } from '../briefs/detect-lang'
import { AppError } from '../errors'
import { getDetector } from './detectors'
import { findEntry, type Span } from './lexicon'
import type { Policy } from './load'
import type { RiskCategory } from './schema'
import { normalize, tokenize } from './tokens'

export type RiskHit = {
  category: RiskCategory
  rule: string
  /** Personal-data hits: the placeholder type (PHONE, EMAIL …). */
  piiType?: string
  start: number
  end: number
  /** The matched text ('' for a missing-element hit at 0..0). */
  match: string
  article?: string
  explain: string
  fix?: string
}

/** A required disclaimer, label or wording that the text lacks. */
export type Missing = { rule: string; category: RiskCategory; requirement: string; wording: string; article?: string }

export type Classification = { lang: Lang; risks: RiskHit[]; missing: Missing[]; categories: RiskCategory[] }

export function assertChannel(policy: Policy, channel: string) {
  if (!policy.file.channels.includes(channel)) {
    throw new AppError('bad_request', `unknown channel "${channel}"; the policy knows: ${policy.file.channels.join(', ')}`, [
      { path: 'channel', message: `one of ${policy.file.channels.join(', ')}` },
    ])
  }
}

/**
 * Rule-based risk classification: every hit with its rule and span (JavaScript string indices
 * into `text`), and every required wording that is absent. Deterministic; the model never
 * takes a category away (a model classifier may only add).
 */
export function classify(
  policy: Policy,
  text: string,
  opts: { channel: string; lang?: Lang; only?: RiskCategory[]; forRedaction?: boolean },
): Classification {
  assertChannel(policy, opts.channel)
  const lang = opts.lang ?? detectLang(text)
  // Worked out on first use: the personal-data rules the redactor runs need neither.
  let tokens: ReturnType<typeof tokenize> | undefined
  let norm: string | undefined
  const normText = () => (norm ??= normalize(text))
  const present = (req: { any: string[]; regex: string[] }) =>
    req.any.some((p) => normText().includes(normalize(p))) || req.regex.some((r) => new RegExp(r, 'iu').test(text))
  const risks: RiskHit[] = []
  const missing: Missing[] = []

  for (const rule of policy.rules) {
    if (opts.only && !opts.only.includes(rule.category)) continue
    if (rule.redact_only && !opts.forRedaction) continue
    if (rule.channels && !rule.channels.includes(opts.channel)) continue
    if (rule.lang && rule.lang !== lang) continue
    const base = { category: rule.category, rule: rule.id, article: rule.article, explain: rule.explain, fix: rule.fix, ...(rule.pii_type ? { piiType: rule.pii_type } : {}) }
    if (rule.when_missing) {
      for (const req of rule.when_missing) {
        if (present(req)) continue
        risks.push({ ...base, start: 0, end: 0, match: '' })
        missing.push({ rule: rule.id, category: rule.category, requirement: req.id, wording: req.wording, article: rule.article })
      }
      continue
    }
    let spans: Span[] = rule.lexiconMatchers.flatMap((words) => findEntry((tokens ??= tokenize(text)), words))
    for (const re of rule.regexes) for (const m of text.matchAll(re)) if (m[0]) spans.push({ start: m.index, end: m.index + m[0].length })
    if (rule.detector) spans.push(...(getDetector(rule.detector)?.(text) ?? []))
    if (rule.unlessRegexes.length) {
      const excluded = rule.unlessRegexes.flatMap((re) => [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length })))
      spans = spans.filter((s) => !excluded.some((x) => s.start >= x.start && s.end <= x.end))
    }
    const seen = new Set<string>()
    for (const s of spans.sort((a, b) => a.start - b.start || b.end - a.end)) {
      const key = `${s.start}:${s.end}`
      if (seen.has(key)) continue
      seen.add(key)
      risks.push({ ...base, start: s.start, end: s.end, match: text.slice(s.start, s.end) })
    }
    if (seen.size > 0) {
      for (const req of rule.requires) {
        if (!present(req)) missing.push({ rule: rule.id, category: rule.category, requirement: req.id, wording: req.wording, article: rule.article })
      }
    }
  }
  risks.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule))
  // One hit per category and span: two rules saying the same thing about the same words is noise.
  const unique = risks.filter((r, i) => !risks.slice(0, i).some((q) => q.category === r.category && q.start === r.start && q.end === r.end))
  risks.length = 0
  risks.push(...unique)
  const categories = [...new Set(risks.map((r) => r.category))].sort()
  return { lang, risks, missing, categories }
}
