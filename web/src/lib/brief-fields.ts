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

/** Channel suggestions for the datalist; the field stays free text. */
export const CHANNEL_SUGGESTIONS = ['landing', 'email', 'social', 'search_ad', 'display_ad', 'blog'] as const
export type ChannelSuggestion = (typeof CHANNEL_SUGGESTIONS)[number]

export const isChannelSuggestion = (s: string): s is ChannelSuggestion =>
  (CHANNEL_SUGGESTIONS as readonly string[]).includes(s)

/** The test id of a form control: dots become dashes (`inputs.transcript` -> `brief-inputs-transcript`). */
export const fieldTestId = (path: FieldPath) => `brief-${path.replace(/\./g, '-')}`
