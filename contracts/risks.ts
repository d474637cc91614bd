import { z } from 'zod'

/** What a rule flags: the categories the policy routes to gates (policies/default.yaml `categories:`). */
export const RISK_CATEGORIES = [
  'legal_promise',
  'finance',
  'medicine',
  'supplements',
  'safety',
  'superlative',
  'personal_data',
  'ad_labeling',
  'factual_claim',
  'brand',
] as const
export const RiskCategory = z.enum(RISK_CATEGORIES, { error: (i) => `unknown risk category "${String(i.input)}"` })
export type RiskCategory = z.infer<typeof RiskCategory>

/** A text in both UI languages: rule packs carry their titles and explanations so. */
export const Localized = z.object({ ru: z.string(), en: z.string() })
export type Localized = z.infer<typeof Localized>

/** What a rule says about a hit, in one language. */
export const HitText = z.object({ title: z.string(), explain: z.string(), fix: z.string().optional(), article: z.string().optional() })

/** One risky phrase in a text (a draft, a brief), or a missing element at 0..0. */
export const RiskHit = z.object({
  category: RiskCategory,
  rule: z.string(),
  /** Personal-data hits: the placeholder type (PHONE, EMAIL …). */
  piiType: z.string().optional(),
  /** Offsets into the text (JavaScript string indices); 0..0 for something missing. */
  start: z.number().int(),
  end: z.number().int(),
  /** The matched text ('' for a missing element). */
  match: z.string(),
  article: z.string().optional(),
  /** The rule's explanation and fix in the checked text's language. */
  explain: z.string(),
  fix: z.string().optional(),
  /** The rule's title, explanation and fix in each UI language (absent on hits of older runs and a model's reasons). */
  texts: z.object({ ru: HitText, en: HitText }).optional(),
})
export type RiskHit = z.infer<typeof RiskHit>
