import { z } from 'zod'
import { HitText, Localized } from './risks'

export const BriefKind = z.enum(['offer', 'headlines', 'interview_summary', 'seo_clusters'])
export type BriefKind = z.infer<typeof BriefKind>
export const BRIEF_KINDS = BriefKind.options

export const Lang = z.enum(['ru', 'en'])
export type Lang = z.infer<typeof Lang>

const field = (max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : 'expected text') })
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`)
const list = (maxItems: number, maxLen: number) => z.array(z.string().trim().min(1).max(maxLen)).max(maxItems)

/**
 * A finding of the personal-data check the writer marked as not personal data, with a reason.
 * `path` names the brief field ("audience", "inputs.proofs.0"); offsets are into that field.
 */
export const PiiDismissal = z.object({
  path: z.string().min(1).max(200),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  type: z.string().min(1).max(40),
  reason: z.string().trim().min(3, 'say why this is not personal data').max(500),
})
export type PiiDismissal = z.infer<typeof PiiDismissal>

/** The brief's text fields as the form has them, by path, to check before submitting. */
export const PiiCheckRequest = z.object({ fields: z.record(z.string().min(1).max(200), z.string().max(400_000)) })
export const PiiCheckFinding = z.object({
  path: z.string(),
  type: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  /** False: a structured id whose checksum is valid (SNILS, INN, card …) cannot be dismissed. */
  dismissible: z.boolean(),
})
export const PiiCheckResponse = z.object({
  /** What happens to what is found: replaced by placeholders, or the run is refused. */
  mode: z.enum(['redact', 'block']),
  findings: z.array(PiiCheckFinding),
})
export type PiiCheckResponse = z.infer<typeof PiiCheckResponse>

/** A sector id of the policy (GET /api/policy `sectors`), or "other": none of them. */
export const SectorId = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,59}$/, 'a sector id of the policy, or "other"')

/**
 * The brief's own risk marks before submitting: its texts by the same paths as the
 * personal-data check, with what the rules need to read them (kind, channel, what is advertised).
 */
export const RiskCheckRequest = z.object({
  kind: BriefKind,
  channel: z.string().trim().min(1, 'required').max(100),
  lang: Lang.optional(),
  advertised: SectorId.optional(),
  /** Personal-data findings the writer dismissed: they add no gate, as on submit. */
  piiDismissals: z.array(PiiDismissal).max(200).optional(),
  fields: z
    .record(z.string().min(1).max(200), z.string().max(400_000))
    .refine((f) => Object.keys(f).length <= 300, 'at most 300 fields')
    .refine(
      (f) => Object.values(f).reduce((n, t) => n + t.length, 0) <= 2_100_000,
      "at most 2,100,000 characters in all (a brief's transcripts and its other fields)",
    ),
})
export type RiskCheckRequest = z.infer<typeof RiskCheckRequest>
/** One word or phrase a rule marks: offsets are into its field's text. */
export const RiskMark = z.object({
  category: z.string(),
  rule: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  match: z.string(),
  explain: z.string(),
  article: z.string().nullable(),
  fix: z.string().nullable(),
  /** The rule's title, explanation and fix in each UI language. */
  texts: z.object({ ru: HitText, en: HitText }).optional(),
})
export type RiskMark = z.infer<typeof RiskMark>
export const RiskCheckResponse = z.object({
  /** The fields with marks (personal data is the personal-data check's to show). */
  fields: z.array(z.object({ path: z.string(), risks: z.array(RiskMark) })),
  /** The brief's categories as a whole: a draft of it gets at least their gates. */
  categories: z.array(z.string()),
  /** Required wording a draft of this brief will have to carry. */
  missing: z.array(
    z.object({
      rule: z.string(),
      category: z.string(),
      requirement: z.string(),
      /** What is required, named in each UI language. */
      title: Localized,
      wording: z.string(),
      article: z.string().nullable(),
    }),
  ),
  /** What is advertised: declared (null: not declared), what the text reads as, and whether they disagree. */
  sectors: z.object({ declared: z.string().nullable(), inferred: z.array(z.string()), mismatch: z.boolean() }),
  /** The gates a draft of this brief will at least go to, in order (release always). */
  gates: z.array(z.string()),
})
export type RiskCheckResponse = z.infer<typeof RiskCheckResponse>

/**
 * The brief's free texts (the template's, not the kind's inputs): what the personal-data guard
 * checks and redacts before a model sees the brief, field by field.
 */
export const BRIEF_TEXTS = ['title', 'audience', 'task', 'offer', 'format', 'qualityCriteria', 'successMetrics'] as const
export type BriefText = (typeof BRIEF_TEXTS)[number]
/**
 * Of those, the ones a brief's own risks are read from when its drafts are gated, with every
 * input. Format, quality criteria and success metrics instruct the writer; they gate nothing.
 */
export const GATED_TEXTS = ['title', 'audience', 'task', 'offer'] as const satisfies readonly BriefText[]
export type GatedText = (typeof GATED_TEXTS)[number]

/** The team's standard brief template (DOMAIN.md), shared by every kind. */
export const BriefCommon = z.object({
  title: field(200),
  audience: field(2000),
  task: field(2000),
  offer: field(2000),
  format: field(500),
  channel: field(100),
  deadline: z.iso.date({ message: 'expected a date YYYY-MM-DD' }),
  qualityCriteria: field(2000),
  successMetrics: field(2000),
  /** E-mail of the person who owns fact-checking of this brief's drafts. */
  factCheckOwner: z.email().max(320).optional(),
  /** Language of the copy; detected from the brief text when omitted. */
  lang: Lang.optional(),
  /**
   * What is advertised: a sector id of the policy (GET /api/policy `sectors`) or "other".
   * Omitted: inferred from the text. The sector's legal rules apply by it.
   */
  advertised: SectorId.optional(),
  /** Findings of the personal-data check the writer reviewed as false positives. */
  piiDismissals: z.array(PiiDismissal).max(200).optional(),
})

/** The parts of the B2B offer formula the writer already knows; blanks are flagged in the draft. */
export const OfferInputs = z.object({
  product: z.string().trim().max(500).optional(),
  timeframe: z.string().trim().max(300).optional(),
  method: z.string().trim().max(1000).optional(),
  differentiator: z.string().trim().max(1000).optional(),
  proofs: list(20, 1000).optional(),
})
export type OfferInputs = z.infer<typeof OfferInputs>
export const HeadlinesInputs = z.object({
  count: z.number().int().min(1).max(30).default(10),
  keyPhrases: list(20, 200).optional(),
})
const transcriptText = z.string().trim().min(50, 'a transcript of at least 50 characters').max(400_000)
/** One interview of a set: `id` names it in the objection map, `segment` groups it (new, churned …). */
export const InterviewTranscript = z.object({
  id: z.string().trim().min(1).max(100).optional(),
  segment: z.string().trim().min(1).max(100).optional(),
  text: transcriptText,
})
export type InterviewTranscript = z.infer<typeof InterviewTranscript>
/** One transcript, or a quarter's set (10-20) for a synthesis. */
export const InterviewInputs = z
  .object({
    transcript: transcriptText.optional(),
    transcripts: z.array(InterviewTranscript).min(1).max(30).optional(),
  })
  .refine((i) => i.transcript !== undefined || i.transcripts !== undefined, {
    message: 'a transcript, or a list of transcripts',
    path: ['transcript'],
  })
  .refine((i) => (i.transcript?.length ?? 0) + (i.transcripts ?? []).reduce((n, t) => n + t.text.length, 0) <= 2_000_000, {
    message: 'at most 2,000,000 characters of transcripts in one brief',
    path: ['transcripts'],
  })
export type InterviewInputs = z.infer<typeof InterviewInputs>
/**
 * Search results: alike result pages, each URL weighted by how specific it is (serp-weighted, the
 * default), or a count of shared URLs (the three modes SEO tools document); words (lexical); or
 * meaning (semantic: the model's embeddings).
 */
export const SEO_MODES = ['serp-weighted', 'serp-soft', 'serp-moderate', 'serp-hard', 'lexical', 'semantic'] as const
/** The modes whose threshold is a number of shared top-10 URLs (1-10); the others' is a similarity (0-1). */
export const URL_COUNT_MODES = ['serp-soft', 'serp-moderate', 'serp-hard'] as const
/** A row of a keyword export that was not used, by its line in the file. */
export const SeoImportProblem = z.object({
  line: z.number().int(),
  problem: z.enum(['empty_keyword', 'bad_frequency', 'duplicate']),
  /** In English, for scripts; `params` fill the UI's wording (bad_frequency: value; duplicate: keyword, first). */
  detail: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
export type SeoImportProblem = z.infer<typeof SeoImportProblem>

/** A keyword export as CSV/TSV text (`POST /api/seo/import` turns XLSX or Windows-1251 into it). */
export const SeoInputs = z.object({
  keywordsCsv: z.string().trim().min(1, 'required').max(10_000_000),
  /** serp-weighted when the export has result URLs, lexical otherwise. */
  mode: z.enum(SEO_MODES).optional(),
  /** serp-soft, -moderate, -hard: shared top-10 URLs, 1-10 (default 3). The others: similarity, 0-1 (defaults serp-weighted 0.1, lexical 0.2, semantic 0.5). */
  threshold: z.number().min(0).max(10).optional(),
  /** The rows `POST /api/seo/import` skipped in the uploaded file (its own line numbers), kept with the draft. */
  importProblems: z.array(SeoImportProblem).max(1_000_000).optional(),
})

/**
 * Each kind's inputs: the one place a kind's own brief fields are declared. The create request,
 * the stored brief and the brief read back are all keyed by kind from this map, so a reader gets
 * the inputs of the brief's kind, typed, never a record to parse again.
 */
export const BRIEF_INPUTS = {
  offer: OfferInputs,
  headlines: HeadlinesInputs,
  interview_summary: InterviewInputs,
  seo_clusters: SeoInputs,
} as const satisfies Record<BriefKind, z.ZodType>
type InputsMap = { [K in BriefKind]: z.output<(typeof BRIEF_INPUTS)[K]> }
/**
 * A kind with its inputs, one member per kind: narrowing `kind` types `inputs`. Generic in K, so
 * a registry keyed by kind can be called with a brief's inputs without a switch.
 */
export type KindInputs<K extends BriefKind = BriefKind> = { [P in K]: { kind: P; inputs: InputsMap[P] } }[K]
export type BriefInputs<K extends BriefKind = BriefKind> = InputsMap[K]

export const CreateBrief = z.discriminatedUnion('kind', [
  BriefCommon.extend({ kind: z.literal('offer'), inputs: OfferInputs.default({}) }),
  BriefCommon.extend({ kind: z.literal('headlines'), inputs: HeadlinesInputs.default({ count: 10 }) }),
  BriefCommon.extend({ kind: z.literal('interview_summary'), inputs: BRIEF_INPUTS.interview_summary }),
  BriefCommon.extend({ kind: z.literal('seo_clusters'), inputs: BRIEF_INPUTS.seo_clusters }),
])
export type CreateBrief = z.infer<typeof CreateBrief>
export type CreateBriefInput = z.input<typeof CreateBrief>

/** A brief as read back, the parts every kind shares. */
export const BriefBase = z.object({
  id: z.uuid(),
  title: z.string(),
  audience: z.string(),
  task: z.string(),
  offer: z.string(),
  format: z.string(),
  channel: z.string(),
  deadline: z.string(),
  qualityCriteria: z.string(),
  successMetrics: z.string(),
  factCheckOwner: z.string().nullable(),
  lang: Lang,
  /** The declared sector (what is advertised), or null: inferred from the text. */
  advertised: z.string().nullable(),
  piiDismissals: z.array(PiiDismissal),
  authorId: z.uuid(),
  authorEmail: z.string(),
  createdAt: z.string(),
  runs: z.array(z.object({ id: z.uuid(), status: z.string(), createdAt: z.string() })),
})

/** `base` with `kind` and that kind's `inputs`, one member per kind: a union discriminated by kind. */
export function byKind<S extends z.ZodRawShape>(base: z.ZodObject<S>) {
  const member = <K extends BriefKind>(kind: K) => base.extend({ kind: z.literal(kind), inputs: BRIEF_INPUTS[kind] })
  return z.discriminatedUnion('kind', [member('offer'), member('headlines'), member('interview_summary'), member('seo_clusters')])
}

export const Brief = byKind(BriefBase)
export type Brief = z.infer<typeof Brief>

export const BriefListItem = BriefBase.pick({
  id: true,
  title: true,
  channel: true,
  deadline: true,
  authorEmail: true,
  createdAt: true,
}).extend({
  kind: BriefKind,
  /** The status of its latest run (queued … approved, rejected, failed); null before the first run. */
  status: z.string().nullable(),
  /** A gate of one of its runs is open past its due date. */
  overdue: z.boolean(),
})
export type BriefListItem = z.infer<typeof BriefListItem>

export const Created = z.object({ id: z.uuid() })

/** GET /api/briefs: my briefs, or with all=1 the whole team's. */
export const BriefListQuery = z.object({ all: z.enum(['0', '1']).default('0').describe("1: every author's briefs, not only mine") })
