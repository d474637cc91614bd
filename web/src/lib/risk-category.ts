import { RISK_CATEGORIES, type RiskCategory } from '../../../contracts/risks'
import type { Translate } from '../i18n'

/** The risk categories (contracts/risks.ts); a label for anything else (an older record) is its id. */
type KnownCategory = RiskCategory

const isKnownCategory = (s: string): s is KnownCategory => (RISK_CATEGORIES as readonly string[]).includes(s)

export const categoryLabel = (category: string, t: Translate) => (isKnownCategory(category) ? t(`category.${category}`) : category)

/**
 * How loud a highlight is. high: the default policy sends it to legal review; medium: a claim
 * to fact-check; low: brand voice. Unknown categories are treated as medium.
 */
export type Severity = 'high' | 'medium' | 'low'
const SEVERITY: Record<KnownCategory, Severity> = {
  legal_promise: 'high',
  finance: 'high',
  medicine: 'high',
  supplements: 'high',
  safety: 'high',
  personal_data: 'high',
  ad_labeling: 'high',
  superlative: 'medium',
  factual_claim: 'medium',
  brand: 'low',
}
const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 }

export const categorySeverity = (category: string): Severity => (isKnownCategory(category) ? SEVERITY[category] : 'medium')

/** The loudest severity among several categories (a merged highlight). */
export const maxSeverity = (categories: readonly string[]): Severity =>
  categories.map(categorySeverity).reduce<Severity>((a, b) => (RANK[b] > RANK[a] ? b : a), 'low')
