import type { BriefKind } from '../../../contracts/briefs'

/** The brief template shared by every kind (DOMAIN.md), in form order. */
export const COMMON_FIELDS = [
  'title',
  'audience',
  'task',
  'offer',
  'format',
  'advertised',
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
  seo_clusters: ['inputs.keywordsCsv', 'inputs.mode', 'inputs.threshold'],
} as const satisfies Record<BriefKind, readonly string[]>
export type InputField = (typeof KIND_FIELDS)[BriefKind][number]

export type FieldPath = CommonField | InputField

export const ALL_FIELDS: readonly FieldPath[] = [...COMMON_FIELDS, ...Object.values(KIND_FIELDS).flat()]

export const isFieldPath = (s: string): s is FieldPath => (ALL_FIELDS as readonly string[]).includes(s)

/**
 * A set of interviews (`inputs.transcripts`) has no fixed controls: each interview has a name, a
 * segment and a text at `inputs.transcripts.<n>.<part>`, the API's issue and personal-data paths.
 */
export const TRANSCRIPTS_PATH = 'inputs.transcripts'
export const TRANSCRIPT_PARTS = ['id', 'segment', 'text'] as const
export type TranscriptPart = (typeof TRANSCRIPT_PARTS)[number]
export type TranscriptPath = `inputs.transcripts.${number}.${TranscriptPart}`
export const transcriptPath = (index: number, part: TranscriptPart): TranscriptPath => `inputs.transcripts.${index}.${part}`

const TRANSCRIPT_PATH = /^inputs\.transcripts\.(\d+)\.(id|segment|text)$/
export function parseTranscriptPath(path: string): { index: number; part: TranscriptPart } | null {
  const m = TRANSCRIPT_PATH.exec(path)
  const part = TRANSCRIPT_PARTS.find((p) => p === m?.[2])
  return m && part ? { index: Number(m[1]), part } : null
}

/** Every control of the form: a fixed field, the list of interviews as a whole, or a part of one. */
export type ControlPath = FieldPath | typeof TRANSCRIPTS_PATH | TranscriptPath
export const isControlPath = (s: string): s is ControlPath => isFieldPath(s) || s === TRANSCRIPTS_PATH || TRANSCRIPT_PATH.test(s)

/**
 * Channels with a translated label. The policy decides which channels a brief may use
 * (GET /api/policy); older briefs may still carry a channel it no longer lists.
 */
export const KNOWN_CHANNELS = [
  'landing',
  'email',
  'social',
  'search_ad',
  'social_ad',
  'display_ad',
  'blog',
  'social_post',
  'internal',
] as const
export type KnownChannel = (typeof KNOWN_CHANNELS)[number]

export const isKnownChannel = (s: string): s is KnownChannel => (KNOWN_CHANNELS as readonly string[]).includes(s)

/** The test id of a form control: dots become dashes (`inputs.transcripts.0.text` -> `brief-inputs-transcripts-0-text`). */
export const fieldTestId = (path: ControlPath) => `brief-${path.replace(/\./g, '-')}`
