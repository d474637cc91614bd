import { z } from 'zod'
import type { Lang } from '../../contracts/briefs'
import type { LlmProvider, Usage } from '../llm/provider'
import { render, type PromptLibrary } from '../prompts/load'
import type { RiskHit, SectorReading } from './classify'
import type { Policy } from './load'
import { RISK_CATEGORIES, type RiskCategory } from './schema'

/** `brand` is the company's own voice, judged by its rules; the model reviews legal risk only. */
const MODEL_CATEGORIES = RISK_CATEGORIES.filter((c) => c !== 'brand')
export const MODEL_RULE = 'model-review'

export const RiskReview = z.object({
  findings: z
    .array(
      z.object({
        category: z.enum(MODEL_CATEGORIES),
        /** The risky passage, verbatim from the copy. */
        quote: z.string().max(1000),
        reason: z.string().max(1000),
      }),
    )
    .max(50),
})
export type RiskReview = z.infer<typeof RiskReview>

export type ModelReview = { hits: RiskHit[]; usage: Usage; promptId: string; promptVersion: string }

/** Where a quote sits in the text: verbatim first, then ignoring case; null when the model paraphrased. */
export function locate(text: string, quote: string): { start: number; end: number } | null {
  const q = quote.trim()
  if (!q) return null
  let start = text.indexOf(q)
  if (start < 0) {
    const lower = text.toLowerCase()
    // toLowerCase keeps lengths for Cyrillic and Latin, which is what the offsets rely on
    if (lower.length === text.length) start = lower.indexOf(q.toLowerCase())
  }
  return start < 0 ? null : { start, end: start + q.length }
}

/**
 * Hits the model finds beyond the rules. They can only ADD: a model hit whose category the
 * rules already found at an overlapping span is dropped as a duplicate, nothing of the rules'
 * is ever removed, and a passage the model could not quote still adds its category (at 0..0).
 */
export function modelHits(review: RiskReview, text: string, ruleHits: readonly RiskHit[]): RiskHit[] {
  const hits: RiskHit[] = []
  for (const f of review.findings) {
    const at = locate(text, f.quote)
    const overlaps = (h: RiskHit) => h.category === f.category && at !== null && h.start < at.end && at.start < h.end
    if (ruleHits.some(overlaps) || hits.some(overlaps)) continue
    if (!at && [...ruleHits, ...hits].some((h) => h.category === f.category)) continue
    hits.push({
      category: f.category,
      rule: MODEL_RULE,
      start: at?.start ?? 0,
      end: at?.end ?? 0,
      match: at ? text.slice(at.start, at.end) : '',
      explain: f.reason,
    })
  }
  return hits
}

/**
 * Asks the configured model for the risk categories of a draft. The caller decides whether to ask.
 * The prompt carries what the brief declares it advertises and what the rules read (sectors and
 * categories), so the model looks for what the rules missed, in the sector's terms.
 */
export async function reviewWithModel(
  deps: { provider: LlmProvider; prompts: PromptLibrary; policy: Policy },
  {
    text,
    lang,
    channel,
    ruleHits,
    sectors,
  }: { text: string; lang: Lang; channel: string; ruleHits: readonly RiskHit[]; sectors: SectorReading },
): Promise<ModelReview> {
  const prompt = deps.prompts.get('risk-review', lang)
  const label = (id: string) => {
    const s = deps.policy.file.sectors[id]
    return s ? `${id} (${(lang === 'ru' ? s.label_ru : undefined) ?? s.label})` : id
  }
  const none = lang === 'ru' ? 'не указано' : 'not declared'
  const vars = {
    categories: MODEL_CATEGORIES.join(', '),
    channel,
    text,
    declared:
      sectors.declared === null
        ? none
        : sectors.declared === 'other'
          ? lang === 'ru'
            ? 'другое (не регулируемая отрасль)'
            : 'other (none of the regulated sectors)'
          : label(sectors.declared),
    inferred: sectors.inferred.length ? sectors.inferred.map(label).join(', ') : '—',
    found: [...new Set(ruleHits.map((h) => h.category))].sort().join(', ') || '—',
  }
  const { output, ...usage } = await deps.provider.generate({
    schema: RiskReview,
    schemaName: prompt.schema,
    system: render(prompt.system, vars),
    user: render(prompt.user, vars),
    temperature: prompt.temperature,
    offline: () => ({ findings: [] }),
  })
  return { hits: modelHits(output, text, ruleHits), usage, promptId: prompt.id, promptVersion: prompt.versionLabel }
}

/** The policy asks for it, a real model is configured, and the draft holds no personal data to send. */
export function wantsModelReview(policy: Policy, provider: LlmProvider, piiFindings: number): boolean {
  return policy.file.llm_classifier.enabled && provider.engine !== 'offline' && piiFindings === 0
}

export function withModelHits(categories: readonly RiskCategory[], hits: readonly RiskHit[]): RiskCategory[] {
  return [...new Set([...categories, ...hits.map((h) => h.category)])]
}
