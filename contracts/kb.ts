// The knowledge base: the results archive (search, one result's record, ratings, tags, reuse)
// and the prompt library (versions, their record, diffs).
import { z } from 'zod'
import { BriefBase, BriefKind, byKind, Lang } from './briefs'
import { Decision, GateName, RunStatus } from './runs'

/** A query-string value: an empty field of a filter form means "no filter". */
const param = <S extends z.ZodType>(s: S) => z.preprocess((v) => (v === '' ? undefined : v), s.optional())

export const ResultQuery = z
  .object({
    /** Words, "a phrase", -excluded, or: web-search syntax, in Russian or English. */
    q: param(z.string().trim().min(1).max(200)),
    kind: param(BriefKind),
    channel: param(z.string().trim().min(1).max(100)),
    /** The run's status: approved, rejected, awaiting_review … */
    outcome: param(RunStatus),
    /** The author's user id. */
    author: param(z.uuid()),
    lang: param(Lang),
    /** Created on or after this day (UTC). */
    from: param(z.iso.date()),
    /** Created on or before this day (UTC). */
    to: param(z.iso.date()),
    tag: param(z.string().trim().min(1).max(40)),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    /** Results are paged within the newest 1,000 matches. */
    offset: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from is after to', path: ['from'] })
export type ResultQuery = z.infer<typeof ResultQuery>

export const Person = z.object({ id: z.uuid(), name: z.string() })
export type Person = z.infer<typeof Person>

export const RatingSummary = z.object({
  /** Mean of the ratings, null when nobody rated. */
  avg: z.number().nullable(),
  count: z.number().int(),
})
export type RatingSummary = z.infer<typeof RatingSummary>

/** A result's rating as the asking user sees it: with their own rating. */
export const MyRatingSummary = RatingSummary.extend({ mine: z.number().int().nullable() })
export type MyRatingSummary = z.infer<typeof MyRatingSummary>

/** [start, end) offsets into `snippet` (JavaScript string indices) of the words the query matched. */
export const Highlight = z.tuple([z.number().int(), z.number().int()])

export const ResultItem = z.object({
  runId: z.uuid(),
  /** Through the personal-data guard, like every brief text the knowledge base shows. */
  briefTitle: z.string(),
  kind: BriefKind,
  channel: z.string(),
  lang: Lang,
  outcome: RunStatus,
  author: Person,
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
  /** An approved paid ad's erid, the ad-data operator's token (38-FZ art. 18.1); null otherwise. */
  erid: z.string().nullable(),
  /** The current draft: the final one of an approved run. */
  draftVersion: z.number().int(),
  /** The prompt of the current draft (a writer's edit keeps the prompt of the AI draft it edits). */
  promptId: z.string(),
  promptVersion: z.string(),
  /** The engine and model that wrote the AI draft the current one is (or descends from). */
  engine: z.enum(['offline', 'openai']),
  model: z.string(),
  /** The current draft is a writer's edit of that AI draft. */
  edited: z.boolean(),
  gatesPassed: z.array(GateName),
  reviewers: z.array(Person),
  rating: RatingSummary,
  tags: z.array(z.string()),
  /** Text search relevance (ts_rank_cd); null without a query. */
  rank: z.number().nullable(),
  /** Plain text, never HTML: the matched passages, or the start of the draft without a query. */
  snippet: z.string(),
  highlights: z.array(Highlight),
})
export type ResultItem = z.infer<typeof ResultItem>

export const ResultPage = z.object({
  /** Results found, counted up to 1,000: a broader query ranks and pages through its 1,000 newest matches. */
  total: z.number().int(),
  /** False when there are more than `total`: narrow the query with words or filters. */
  totalExact: z.boolean(),
  items: z.array(ResultItem),
})
export type ResultPage = z.infer<typeof ResultPage>

export const RecordDraft = z.object({
  version: z.number().int(),
  engine: z.enum(['offline', 'openai', 'human']),
  model: z.string(),
  promptId: z.string(),
  promptVersion: z.string(),
  /** The reviewer's request that led to this version (redacted). */
  feedback: z.string().nullable(),
  text: z.string(),
  categories: z.array(z.string()),
  createdAt: z.string(),
  edit: z
    .object({ editedFrom: z.number().int(), aiVersion: z.number().int(), editedBy: Person, distance: z.number().int(), ratio: z.number() })
    .nullable(),
})

export const RecordDecision = z.object({
  gate: GateName,
  draftVersion: z.number().int(),
  decision: Decision,
  reviewer: Person,
  decidedAt: z.string(),
  /** Redacted. */
  comment: z.string(),
})

export const RecordRating = z.object({
  user: Person,
  rating: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  updatedAt: z.string(),
})
export const RecordTag = z.object({ tag: z.string(), addedBy: Person, addedAt: z.string() })

/** A brief as the knowledge base shows it: every free text through the personal-data guard. */
export const RecordBrief = byKind(
  BriefBase.pick({
    id: true,
    title: true,
    audience: true,
    task: true,
    offer: true,
    format: true,
    channel: true,
    deadline: true,
    qualityCriteria: true,
    successMetrics: true,
    lang: true,
    createdAt: true,
  }).extend({ author: Person }),
)

export const ResultRecord = z.object({
  runId: z.uuid(),
  outcome: RunStatus,
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
  /** An approved paid ad's erid, the ad-data operator's token (38-FZ art. 18.1); null otherwise. */
  erid: z.string().nullable(),
  policyVersion: z.string().nullable(),
  brief: RecordBrief,
  drafts: z.array(RecordDraft),
  /** The approved text; null until approval. */
  finalText: z.string().nullable(),
  /** Every gate decision on every version, oldest first. */
  decisions: z.array(RecordDecision),
  /** Who passed or waived a gate of the current draft. */
  reviewers: z.array(Person),
  rating: MyRatingSummary,
  ratings: z.array(RecordRating),
  tags: z.array(RecordTag),
})
export type ResultRecord = z.infer<typeof ResultRecord>

export const RatingRequest = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
})
export type RatingRequest = z.infer<typeof RatingRequest>

export const TagRequest = z.object({ tag: z.string().max(200) })
export type TagRequest = z.infer<typeof TagRequest>
export const TagList = z.object({ tags: z.array(z.string()) })

export const PromptStats = z.object({
  /** Runs whose FIRST draft used this version. */
  runs: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  /** approved / (approved + rejected); null before any run ended. */
  approvalRate: z.number().nullable(),
  /** Approved runs whose final draft is draft 1: no redraft, no writer edit. */
  approvedWithoutRework: z.number().int(),
  /** approvedWithoutRework / approved; null without approved runs. */
  approvedWithoutReworkRate: z.number().nullable(),
  /** Mean edit ratio of the approved finals from the AI draft (0 = the AI's words); null without approved runs. */
  meanEditRatio: z.number().nullable(),
  /** Mean per run of the model calls' cost with this version; runs with a call of unknown price are left out. */
  meanCostUsd: z.number().nullable(),
  /** The runs meanCostUsd is over. */
  costedRuns: z.number().int(),
})
export type PromptStats = z.infer<typeof PromptStats>

export const PromptVersionSummary = z.object({
  version: z.string(),
  hash: z.string(),
  owner: z.string(),
  changelog: z.string(),
  firstSeenAt: z.string(),
  stats: PromptStats,
})
export type PromptVersionSummary = z.infer<typeof PromptVersionSummary>

export const PromptFamily = z.object({
  id: z.string(),
  lang: Lang,
  kind: z.string(),
  /** Oldest first. */
  versions: z.array(PromptVersionSummary),
})
export type PromptFamily = z.infer<typeof PromptFamily>

export const DiffLine = z.object({ op: z.enum(['add', 'del', 'same']), text: z.string() })
/** A unified-diff hunk: line numbers are 1-based. */
export const DiffHunk = z.object({
  oldStart: z.number().int(),
  oldLines: z.number().int(),
  newStart: z.number().int(),
  newLines: z.number().int(),
  lines: z.array(DiffLine),
})
export type DiffHunk = z.infer<typeof DiffHunk>

export const PromptVersionDetail = PromptVersionSummary.extend({
  id: z.string(),
  lang: Lang,
  kind: z.string(),
  schema: z.string().nullable(),
  temperature: z.number().nullable(),
  body: z.string(),
  /** The version before this one (by first appearance); null for the first. */
  previous: z.string().nullable(),
  /** From the previous version's body to this one's; empty for the first. */
  diff: z.array(DiffHunk),
})
export type PromptVersionDetail = z.infer<typeof PromptVersionDetail>

export const PromptCompareQuery = z.object({ a: z.string().min(1).max(100), b: z.string().min(1).max(100) })

export const PromptCompare = z.object({
  id: z.string(),
  lang: Lang,
  a: PromptVersionDetail.omit({ previous: true, diff: true }),
  b: PromptVersionDetail.omit({ previous: true, diff: true }),
  /** From a's body to b's. */
  diff: z.array(DiffHunk),
})
export type PromptCompare = z.infer<typeof PromptCompare>
