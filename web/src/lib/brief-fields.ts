import type { BriefKind } from '../../../contracts/briefs'

/** The brief template shared by every kind (DOMAIN.md), in form order. */
export const COMMON_FIELDS = [
  'title',
  'audience',
  'task',
  'offer',
  'format',
  'channel',
  'deadline',
  'qualityCriteria',
  'successMetrics',
  'factCheckOwner',
  'lang',
] as const
export type CommonField = (typeof COMMON_FIELDS)[number]

/** Kind-specific inputs, as dotted paths matching the API's issue paths (`inputs.transcript`). */
export const KIND_FIELDS = {
  offer: ['inputs.product', 'inputs.timeframe', 'inputs.method', 'inputs.differentiator', 'inputs.proofs'],
  headlines: ['inputs.count', 'inputs.keyPhrases'],
  interview_summary: ['inputs.transcript'],
  seo_clusters: ['inputs.keywordsCsv'],
} as const satisfies Record<BriefKind, readonly string[]>
export type InputField = (typeof KIND_FIELDS)[BriefKind][number]

export type FieldPath = CommonField | InputField

export const ALL_FIELDS: readonly FieldPath[] = [...COMMON_FIELDS, ...Object.values(KIND_FIELDS).flat()]

export const isFieldPath = (s: string): s is FieldPath => (ALL_FIELDS as readonly string[]).includes(s)

/**
 * Channels with a translated label. The policy decides which channels a brief may use
 * (GET /api/policy); older briefs may still carry a channel it no longer lists.
 */
export const KNOWN_CHANNELS = [
  'landing', 'email', 'social', 'search_ad', 'social_ad', 'display_ad', 'blog', 'social_post', 'internal',
] as const
export type KnownChannel = (typeof KNOWN_CHANNELS)[number]

export const isKnownChannel = (s: string): s is KnownChannel => (KNOWN_CHANNELS as readonly string[]).includes(s)

/** The test id of a form control: dots become dashes (`inputs.transcript` -> `brief-inputs-transcript`). */
export const fieldTestId = (path: FieldPath) => `brief-${path.replace(/\./g, '-')}`
