// What a draft of each kind holds (runs' draft.content, and `copydesk draft` output), and the
// map from a kind to its content (DRAFT_CONTENT) every reader of a draft is typed by.
import { z } from 'zod'
import { type BriefKind, SEO_MODES, SeoImportProblem } from './briefs'

/** The offer formula (DOMAIN.md): for whom + task + timeframe + method + difference. */
export const OfferVariant = z.object({
  forWhom: z.string(),
  task: z.string(),
  timeframe: z.string(),
  method: z.string(),
  difference: z.string(),
  /** The offer as one sentence a customer can retell in ten seconds. */
  oneLiner: z.string(),
  /** The full offer text with every part of the formula. */
  pitch: z.string(),
})
export const Proof = z.object({
  claim: z.string(),
  /** given: the brief supplied it (still to be fact-checked); needed: nothing supplied, never invented. */
  status: z.enum(['given', 'needed']),
})
export const OfferDraft = z.object({
  variants: z.array(OfferVariant).min(1).max(10),
  proofs: z.array(Proof),
  missing: z.array(z.string()),
})
export type OfferDraft = z.infer<typeof OfferDraft>

/** The hypothesis a headline tests in an A/B test. */
export const HEADLINE_ANGLES = [
  'benefit',
  'pain',
  'number',
  'question',
  'social_proof',
  'urgency',
  'how_to',
  'comparison',
  'curiosity',
] as const
export const HeadlineAngle = z.enum(HEADLINE_ANGLES)
export type HeadlineAngle = z.infer<typeof HeadlineAngle>

export const Headline = z.object({
  text: z.string().min(1),
  angle: HeadlineAngle,
  /** Characters (Unicode code points), as ad platforms count them. */
  length: z.number().int().min(1),
})
export type Headline = z.infer<typeof Headline>

export const DroppedHeadline = z.object({
  text: z.string(),
  angle: HeadlineAngle,
  reason: z.enum(['too_long', 'near_duplicate']),
  /** too_long: "74 > 56"; near_duplicate: the kept headline it repeats. */
  detail: z.string(),
})

export const HeadlinesDraft = z.object({
  channel: z.string(),
  /** The channel's length limit (characters) from the policy's `headlines.max_length`. */
  maxLength: z.number().int().min(10),
  headlines: z.array(Headline).min(1).max(30),
  /** Removed before the writer sees the set, and why. */
  dropped: z.array(DroppedHeadline),
  /** Distinct word bigrams / all word bigrams across the set (1 = no phrase repeats). */
  distinct2: z.number().min(0).max(1),
  /** The suggested first A/B test: indices into `headlines`, two different angles. */
  abPair: z.object({ a: z.number().int().min(0), b: z.number().int().min(0), why: z.string() }).nullable(),
  /** Brief fields the headlines would be better with (no key phrases, vague offer …). */
  missing: z.array(z.string()),
})
export type HeadlinesDraft = z.infer<typeof HeadlinesDraft>

export const SpeakerRole = z.enum(['interviewer', 'customer'])
export const Speaker = z.object({ label: z.string(), role: SpeakerRole })

/** A verbatim span of the (redacted) transcript: text === transcript.slice(start, end). */
export const Quote = z.object({
  text: z.string().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  speaker: z.string(),
  role: SpeakerRole,
  /** In a synthesis: the id of the interview the quote is from. */
  interview: z.string().optional(),
})
export type Quote = z.infer<typeof Quote>

const Cited = { quotes: z.array(Quote) }
export const Insight = z.object({ text: z.string(), ...Cited })
export const Need = z.object({ label: z.string(), ...Cited })
/** `key`: a topic of the objection lexicon (price, integration …) or "other". */
export const TopicItem = z.object({ key: z.string(), label: z.string(), ...Cited })

export const SummaryParts = z.object({
  insights: z.array(Insight),
  needs: z.array(Need),
  objections: z.array(TopicItem),
  barriers: z.array(TopicItem),
  quotes: z.array(Quote),
})

export const InterviewEntry = SummaryParts.extend({
  id: z.string(),
  segment: z.string().optional(),
  /** The transcript as the model saw it: redacted by the personal-data guard. Quotes index into it. */
  transcript: z.string(),
  speakers: z.array(Speaker),
})
export type InterviewEntry = z.infer<typeof InterviewEntry>

export const ObjectionMapRow = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['objection', 'barrier']),
  interviews: z.number().int(),
  which: z.array(z.string()),
  example: Quote,
})
export const SegmentRow = z.object({
  segment: z.string(),
  interviews: z.number().int(),
  top: z.array(z.object({ key: z.string(), label: z.string(), interviews: z.number().int() })),
})

/**
 * One interview or a set. The top-level parts are the summary of the one interview, or the
 * synthesis across the set (quotes then name their `interview`).
 */
export const InterviewDraft = SummaryParts.extend({
  interviews: z.array(InterviewEntry).min(1),
  objectionMap: z.array(ObjectionMapRow),
  segments: z.array(SegmentRow),
  differences: z.array(z.string()),
})
export type InterviewDraft = z.infer<typeof InterviewDraft>

export const SeoPiece = z.object({
  kind: z.enum(['question', 'comparison', 'how_to_choose', 'mistakes', 'how_to', 'price', 'review']),
  /** The keyword the piece targets; `keywords` are all it covers. */
  keyword: z.string(),
  keywords: z.array(z.string()),
  frequency: z.number(),
})
export const SeoCluster = z.object({
  /** A name for the cluster: its pillar keyword, or a model's proposal. */
  label: z.string(),
  pillar: z.string(),
  keywords: z.array(z.string()).min(1),
  frequency: z.number(),
  intent: z.enum(['transactional', 'commercial', 'informational', 'navigational']),
  plan: z.object({ pillar: z.string(), pillarKeywords: z.array(z.string()), pieces: z.array(SeoPiece) }),
})
export type SeoCluster = z.infer<typeof SeoCluster>

/** Keyword clusters and the content plan (`copydesk seo cluster` prints the same shape). */
export const SeoDraft = z.object({
  mode: z.enum(SEO_MODES),
  threshold: z.number(),
  clusters: z.array(SeoCluster),
  unclustered: z.array(z.string()),
  /** Each keyword's frequency (null when the export has none), to re-total clusters after a move. */
  frequencies: z.record(z.string(), z.number().nullable()),
  /** Rows of the export that were not used, by line (of the uploaded file when it came through the import). */
  problems: z.array(SeoImportProblem),
})
export type SeoDraft = z.infer<typeof SeoDraft>

/**
 * Each kind's draft content: the one place it is declared. A draft read back (the run's draft,
 * server DraftRow) is a union discriminated by kind built from this map, so it is parsed once,
 * by its kind, and every reader gets typed content.
 */
export const DRAFT_CONTENT = {
  offer: OfferDraft,
  headlines: HeadlinesDraft,
  interview_summary: InterviewDraft,
  seo_clusters: SeoDraft,
} as const satisfies Record<BriefKind, z.ZodType>
type ContentMap = { [K in BriefKind]: z.output<(typeof DRAFT_CONTENT)[K]> }
export type DraftContent<K extends BriefKind = BriefKind> = ContentMap[K]
/**
 * A kind with its draft content, one member per kind: narrowing `kind` types `content`. Generic
 * in K, so a registry keyed by kind can be called with a body's content without a switch.
 */
export type KindContent<K extends BriefKind = BriefKind> = { [P in K]: { kind: P; content: ContentMap[P] } }[K]

/** `base` with `kind` and that kind's draft `content`, one member per kind: a union discriminated by kind. */
export function withContent<S extends z.ZodRawShape>(base: z.ZodObject<S>) {
  const member = <K extends BriefKind>(kind: K) => base.extend({ kind: z.literal(kind), content: DRAFT_CONTENT[kind] })
  return z.discriminatedUnion('kind', [member('offer'), member('headlines'), member('interview_summary'), member('seo_clusters')])
}
/** A kind with its draft content as one value (a database row's `body`). */
export const KindContent = withContent(z.object({}))
