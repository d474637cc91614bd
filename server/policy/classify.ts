import type { Lang } from '../../contracts/briefs'
import { detectLang } from './detect-lang'
import { refuse } from '../refusals'
import { getDetector } from './detectors'
import { findEntry, TokenIndex, type Span } from './lexicon'
import { customerRanges, findNear, quotedNames, sentenceIds } from './text-shape'
import type { CompiledRule, Policy } from './load'
import { type LocalizedText, OTHER_SECTOR, type Requirement, type RiskCategory, textIn } from './schema'
import { normalize, tokenize } from './tokens'
import type { RiskHit } from '../../contracts/risks'

export type { RiskHit }

/** A required disclaimer, label or wording that the text lacks. */
export type Missing = {
  rule: string
  category: RiskCategory
  requirement: string
  title: LocalizedText
  wording: string
  article?: string
}

const missingOf = (rule: CompiledRule, req: Requirement, lang: Lang): Missing => ({
  rule: rule.id,
  category: rule.category,
  requirement: req.id,
  title: req.title,
  wording: req.wording,
  article: textIn(rule.article, lang),
})

/** A rule's words about its hits: in the checked text's language, and in both UI languages. */
function hitTexts(rule: CompiledRule, lang: Lang): Pick<RiskHit, 'article' | 'explain' | 'fix' | 'texts'> {
  const inLang = (l: Lang) => ({
    title: rule.title[l],
    explain: rule.explain[l],
    ...(rule.fix ? { fix: rule.fix[l] } : {}),
    ...(rule.article ? { article: textIn(rule.article, l) } : {}),
  })
  return {
    ...(rule.article ? { article: textIn(rule.article, lang) } : {}),
    explain: rule.explain[lang],
    ...(rule.fix ? { fix: rule.fix[lang] } : {}),
    texts: { ru: inLang('ru'), en: inLang('en') },
  }
}

/**
 * What is advertised: the sector the brief declared (null: not declared, inferred only) and the
 * sectors the text reads as. `mismatch`: the text advertises a sector the brief did not declare.
 */
export type SectorReading = { declared: string | null; inferred: string[]; mismatch: boolean }

export type Classification = { lang: Lang; risks: RiskHit[]; missing: Missing[]; categories: RiskCategory[]; sectors: SectorReading }

export function assertChannel(policy: Policy, channel: string) {
  if (!policy.file.channels.includes(channel)) {
    const known = policy.file.channels.join(', ')
    throw refuse('brief.unknown_channel', { channel, known }, [{ path: 'channel', message: `one of ${known}` }])
  }
}

/** A declared sector must be one of the policy's (or "other"): a typo would silently drop its rules. */
export function assertSector(policy: Policy, sector: string | null | undefined) {
  if (sector == null || sector === OTHER_SECTOR || sector in policy.file.sectors) return
  const known = [...Object.keys(policy.file.sectors), OTHER_SECTOR].join(', ')
  throw refuse('brief.unknown_sector', { sector, known }, [{ path: 'advertised', message: `one of ${known}` }])
}

/**
 * Rule-based risk classification: every hit with its rule and span (JavaScript string indices
 * into `text`), and every required wording that is absent. Deterministic; the model never
 * takes a category away (a model classifier may only add).
 */
export function classify(
  policy: Policy,
  text: string,
  opts: {
    channel: string
    lang?: Lang
    only?: RiskCategory[]
    forRedaction?: boolean
    /** The sector the brief declares it advertises (null/undefined: inferred only). */
    sector?: string | null
    /** The brief kind: internal kinds get only the policy's `internal_kinds.categories`. */
    kind?: string
  },
): Classification {
  assertChannel(policy, opts.channel)
  const internal = opts.kind !== undefined && policy.file.internal_kinds.kinds.includes(opts.kind)
  const only = internal ? policy.file.internal_kinds.categories.filter((c) => !opts.only || opts.only.includes(c)) : opts.only
  const lang = opts.lang ?? detectLang(text)
  // Worked out on first use: the personal-data rules the redactor runs need neither.
  let tokenIndex: TokenIndex | undefined
  let sentences: Int32Array | undefined
  let quoted: Span[] | undefined
  const customers = new Map<unknown, { first: number; last: number }[]>()
  const index = () => (tokenIndex ??= new TokenIndex(tokenize(text)))
  let norm: string | undefined
  const normText = () => (norm ??= normalize(text))
  const present = (req: { any: string[]; regex: string[] }) =>
    req.any.some((p) => normText().includes(normalize(p))) || req.regex.some((r) => new RegExp(r, 'iu').test(text))
  const risks: RiskHit[] = []
  const missing: Missing[] = []

  for (const rule of policy.rules) {
    if (only && !only.includes(rule.category)) continue
    if (rule.redact_only && !opts.forRedaction) continue
    if (rule.channels && !rule.channels.includes(opts.channel)) continue
    if (rule.lang && rule.lang !== lang) continue
    const base = {
      category: rule.category,
      rule: rule.id,
      ...hitTexts(rule, lang),
      ...(rule.pii_type ? { piiType: rule.pii_type } : {}),
    }
    if (rule.when_missing) {
      for (const req of rule.when_missing) {
        if (present(req)) continue
        risks.push({ ...base, start: 0, end: 0, match: '' })
        missing.push(missingOf(rule, req, lang))
      }
      continue
    }
    let spans: Span[] = rule.lexiconMatchers.flatMap((entry) => findEntry(index(), entry))
    if (rule.nearGroups)
      spans.push(...findNear(index(), (sentences ??= sentenceIds(text, index())), rule.nearGroups, rule.within, rule.same_sentence))
    for (const re of rule.regexes) for (const m of text.matchAll(re)) if (m[0]) spans.push({ start: m.index, end: m.index + m[0].length })
    if (rule.advertised && rule.context && spans.length) {
      // what is sold, not who buys it or what money is for, and not a word inside a product's name
      const ctx = rule.context
      if (!customers.has(ctx)) customers.set(ctx, customerRanges(text, index(), ctx, (sentences ??= sentenceIds(text, index()))))
      const ranges = customers.get(ctx)!
      const names = (quoted ??= quotedNames(text))
      const toks = index().tokens
      spans = spans.filter(
        (s) =>
          !names.some((q) => s.start >= q.start && s.end <= q.end) &&
          !ranges.some((r) => s.start >= toks[r.first]!.start && s.end <= toks[Math.min(r.last, toks.length - 1)]!.end),
      )
    }
    if (rule.detector) spans.push(...(getDetector(rule.detector)?.(text, policy.file.personal_data) ?? []))
    if (rule.min_hits > 1 && new Set(spans.map((s) => s.start)).size < rule.min_hits) spans = []
    if (rule.unlessRegexes.length && spans.length) {
      const excluded = rule.unlessRegexes.flatMap((re) =>
        [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
      )
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
        if (!present(req)) missing.push(missingOf(rule, req, lang))
      }
    }
  }
  const sectors = readSectors(policy, risks, missing, internal ? null : (opts.sector ?? null), present, lang)
  risks.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule))
  // One hit per category and span: two rules saying the same thing about the same words is noise.
  const keys = new Set<string>()
  const unique = risks.filter((r) => {
    const key = `${r.category}:${r.start}:${r.end}`
    if (keys.has(key)) return false
    keys.add(key)
    return true
  })
  risks.length = 0
  risks.push(...unique)
  const categories = [...new Set(risks.map((r) => r.category))].sort()
  return { lang, risks, missing, categories, sectors }
}

/**
 * What is advertised: the sectors the text reads as (rules with `sector:` that hit) against the
 * one the brief declares. A declared sector brings its categories and its rules' required wording
 * even where no word of the text names it; a sector the text reads as but the brief did not
 * declare is a mismatch for legal to settle (its categories apply, with the reason shown).
 */
function readSectors(
  policy: Policy,
  risks: RiskHit[],
  missing: Missing[],
  declared: string | null,
  present: (req: { any: string[]; regex: string[] }) => boolean,
  lang: Lang,
): SectorReading {
  const bySector = new Map(policy.rules.filter((r) => r.sector).map((r) => [r.id, r.sector!]))
  const inferred = [...new Set(risks.flatMap((r) => (bySector.has(r.rule) ? [bySector.get(r.rule)!] : [])))].sort()
  const spec = declared ? policy.file.sectors[declared] : undefined
  const label = (id: string, l: Lang) => {
    const spec = policy.file.sectors[id]
    return (l === 'ru' ? spec?.label_ru : undefined) ?? spec?.label ?? id
  }
  // a hit the policy adds for the brief as a whole: its words in each language
  const said = (texts: Record<Lang, { title: string; explain: string }>) => ({ explain: texts[lang].explain, texts })
  if (declared && spec) {
    for (const category of spec.categories) {
      if (risks.some((r) => r.category === category)) continue
      risks.push({
        category,
        rule: 'declared-sector',
        start: 0,
        end: 0,
        match: '',
        ...said({
          ru: {
            title: 'Заявленная отрасль',
            explain: `В брифе сказано, что рекламируется: ${label(declared, 'ru')}. Действуют правила этой отрасли.`,
          },
          en: { title: 'Declared sector', explain: `The brief says it advertises ${label(declared, 'en')}: that sector's rules apply.` },
        }),
      })
    }
    for (const rule of policy.rules.filter((r) => r.sector === declared)) {
      for (const req of rule.requires) {
        if (present(req) || missing.some((m) => m.rule === rule.id && m.requirement === req.id)) continue
        missing.push(missingOf(rule, req, lang))
      }
    }
  }
  const undeclared = declared ? inferred.filter((s) => s !== declared) : []
  for (const s of undeclared) {
    const category = policy.file.sectors[s]?.categories[0]
    if (!category) continue
    const other = declared === OTHER_SECTOR
    risks.push({
      category,
      rule: 'sector-mismatch',
      start: 0,
      end: 0,
      match: '',
      ...said({
        ru: {
          title: 'Текст о другой отрасли',
          explain: `${other ? 'В брифе сказано, что рекламируется товар вне регулируемых отраслей' : `В брифе сказано, что рекламируется: ${label(declared!, 'ru')}`}, а текст читается как реклама другого: ${label(s, 'ru')}. Какие правила действуют, решает юрист.`,
        },
        en: {
          title: 'Text about another sector',
          explain: `The brief says it advertises ${other ? 'none of the regulated sectors' : label(declared!, 'en')}, but the text reads as ${label(s, 'en')}: legal review decides which rules apply.`,
        },
      }),
    })
  }
  return { declared, inferred, mismatch: undeclared.length > 0 }
}
