import { z } from 'zod'
import { BriefKind, Lang } from './briefs'
import { withContent } from './drafts'
import { Role } from './roles'
import { Localized, RiskCategory, RiskHit } from './risks'

export const RunStatus = z.enum(['queued', 'running', 'awaiting_review', 'changes_requested', 'approved', 'rejected', 'failed'])
export type RunStatus = z.infer<typeof RunStatus>

export const GateName = z.enum(['fact_check', 'legal_review', 'no_personal_data', 'brand_review', 'release'])
export type GateName = z.infer<typeof GateName>

/** pending: waits for an earlier gate; open: in a reviewer's queue; superseded: its draft was redrafted. */
export const GateStatus = z.enum(['pending', 'open', 'passed', 'waived', 'changes_requested', 'rejected', 'superseded'])
export type GateStatus = z.infer<typeof GateStatus>

/** waive: only where the policy allows it, only by the roles it names, always with a reason. */
export const Decision = z.enum(['pass', 'request_changes', 'reject', 'waive'])
export type Decision = z.infer<typeof Decision>

export const DecisionRequest = z
  .object({
    decision: Decision,
    comment: z.string().trim().max(5000).default(''),
    /**
     * Pass although the draft lacks mandatory wording (a warning, the ad marking) at a gate where
     * the policy's `missing_wording.blocks_pass_at` holds that back: why, on record.
     */
    waiveMissing: z.string().trim().min(10, 'say why the draft may pass without it (at least 10 characters)').max(2000).optional(),
    /** The paid ad's erid from the ad-data operator (ОРД), required to pass the release of a paid-ad channel (38-FZ art. 18.1). */
    erid: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{6,64}$/, 'an erid is 6 to 64 Latin letters and digits, as the ad-data operator issued it')
      .optional(),
  })
  .refine((d) => d.decision === 'pass' || d.comment.length > 0, {
    message: 'a comment is required when requesting changes, rejecting or waiving',
    path: ['comment'],
  })
  .refine((d) => d.waiveMissing === undefined || d.decision === 'pass', {
    message: 'missing wording is waived only with a pass',
    path: ['waiveMissing'],
  })
export type DecisionRequest = z.infer<typeof DecisionRequest>

export const Gate = z.object({
  id: z.uuid(),
  gate: GateName,
  role: Role,
  status: GateStatus,
  assignee: z.string().nullable(),
  /** The assignee is the owner the policy names (a brief's fact-check owner): not reassignable. */
  ownerNamed: z.boolean(),
  /** Who made the last claim or assignment, and when (null: none since planning). */
  assignedBy: z.string().nullable(),
  assignedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  draftVersion: z.number().int(),
  position: z.number().int(),
  slaBusinessDays: z.number().int(),
  waivableBy: z.array(Role),
  escalateTo: Role.nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
})
export type Gate = z.infer<typeof Gate>

export { OfferDraft, OfferVariant, Proof } from './drafts'

export { RiskHit } from './risks'

export const MissingWording = z.object({
  rule: z.string(),
  category: z.string(),
  requirement: z.string(),
  /** What is required, named in each UI language (absent on older runs). */
  title: Localized.optional(),
  /** The wording to add: copy in the checked text's language. */
  wording: z.string(),
  article: z.string().optional(),
})

export const ClaimStatus = z.enum(['pending', 'verified', 'rejected'])
export const Claim = z.object({
  id: z.uuid(),
  draftVersion: z.number().int(),
  text: z.string(),
  /** number, proof, comparison, superlative, certification … */
  kind: z.string(),
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  status: ClaimStatus,
  source: z.string().nullable(),
  checkedBy: z.string().nullable(),
  checkedAt: z.string().nullable(),
  /** The verified claim of an earlier draft whose check (source, checker, time) this one keeps. */
  carriedFrom: z.object({ claimId: z.uuid(), draftVersion: z.number().int() }).nullable(),
})
export type Claim = z.infer<typeof Claim>

export const ClaimUpdate = z
  .object({
    status: ClaimStatus.exclude(['pending']),
    /** Where it was verified: a URL or a document note. Required to verify. */
    source: z.string().trim().max(2000).default(''),
  })
  .refine((c) => c.status === 'rejected' || c.source.length >= 3, {
    message: 'say where the claim was verified (a URL or a document note)',
    path: ['source'],
  })
export type ClaimUpdate = z.infer<typeof ClaimUpdate>

/** One source verifies several claims of one draft at once (all or none). */
export const ClaimsVerify = z.object({
  claimIds: z
    .array(z.uuid())
    .min(1, 'pick at least one claim')
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'each claim once'),
  source: z.string().trim().min(3, 'say where the claims were verified (a URL or a document note)').max(2000),
})
export type ClaimsVerify = z.infer<typeof ClaimsVerify>

/** A draft as read back, the parts every kind shares. */
export const DraftBase = z.object({
  version: z.number().int(),
  lang: Lang,
  text: z.string(),
  /** human: a writer's edit of the AI draft `editedFrom`, judged by the gates like any draft. */
  engine: z.enum(['offline', 'openai', 'human']),
  model: z.string(),
  promptId: z.string(),
  promptVersion: z.string(),
  feedback: z.string().nullable(),
  createdAt: z.string(),
  categories: z.array(RiskCategory),
  risks: z.array(RiskHit),
  missing: z.array(MissingWording),
  piiFindings: z.number().int(),
  /** A writer's edit: the version it edits, the AI draft it descends from, and how far its text is from it. */
  edit: z
    .object({
      editedFrom: z.number().int(),
      aiVersion: z.number().int(),
      editedBy: z.string(),
      /** Levenshtein distance of the text from the AI draft's, in characters. */
      distance: z.number().int(),
      /** distance / the longer text's length: 0 = the AI's words, 1 = all rewritten. */
      ratio: z.number(),
    })
    .nullable(),
  /** Why a model was configured but did not draft (a spent budget); null otherwise. */
  engineNote: z.string().nullable(),
})
/** A draft with its kind and that kind's content (DRAFT_CONTENT), one member per kind. */
export const Draft = withContent(DraftBase)
export type Draft = z.infer<typeof Draft>

/**
 * The writer edits the current draft (`version`): its text, or, for an SEO content plan, its
 * structure (`content`, keywords moved between clusters). The edit is a new version the gates judge again.
 */
export const DraftEdit = z
  .object({
    version: z.number().int().min(1),
    text: z.string().trim().min(1, 'the text is empty').max(100_000).optional(),
    content: z.unknown().optional(),
  })
  .refine((e) => (e.text === undefined) !== (e.content === undefined), {
    message: 'send the edited text, or for a content plan its content',
    path: ['text'],
  })
export type DraftEdit = z.infer<typeof DraftEdit>

/** What is advertised: declared by the brief (null: not declared), what the text reads as, and whether they disagree. */
export const SectorReading = z.object({ declared: z.string().nullable(), inferred: z.array(z.string()), mismatch: z.boolean() })

/** The brief's own risks by the run's policy, read beside the draft's (offsets are into the brief's fields joined). */
export const BriefRisks = z.object({
  categories: z.array(RiskCategory),
  risks: z.array(RiskHit),
  missing: z.array(MissingWording),
  sectors: SectorReading,
})
export type BriefRisks = z.infer<typeof BriefRisks>

/** What long work is doing now (an SEO plan of 100,000 keywords, a batch of transcripts), and how much of it is done. */
export const ProgressStage = z.enum(['redacting', 'reading', 'clustering', 'grouping', 'planning', 'drafting', 'checking'])
export type ProgressStage = z.infer<typeof ProgressStage>
export const RunProgress = z.object({
  stage: ProgressStage,
  /** Units of the stage done, of `total` (keywords, clusters, model calls); 0 of 0 when the stage has no count. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** When the worker last said so: a stale one means the worker is busy or gone. */
  at: z.string(),
})
export type RunProgress = z.infer<typeof RunProgress>

export const Run = z.object({
  id: z.uuid(),
  briefId: z.uuid(),
  briefTitle: z.string(),
  kind: BriefKind,
  authorEmail: z.string(),
  status: RunStatus,
  error: z.string().nullable(),
  /** The brief is for one of its policy's paid-ad channels: the release names the ad's erid (38-FZ art. 18.1). */
  paidAd: z.boolean(),
  /** While the run drafts: the stage and share done (null otherwise, and for readers of the result only). */
  progress: RunProgress.nullable(),
  draft: Draft.nullable(),
  drafts: z.array(DraftBase.pick({ version: true, createdAt: true, feedback: true, engine: true })),
  gates: z.array(Gate),
  claims: z.array(Claim),
  /** Gates where missing mandatory wording blocks a pass unless waived with a reason (the run's policy). */
  missingBlocksPassAt: z.array(GateName),
  /** Only for readers of the work (author, reviewers, the roles that see all work). */
  briefRisks: BriefRisks.optional(),
  policyVersion: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Run = z.infer<typeof Run>

/** GET /api/reviews: my open gates, or with overdue=1 only the overdue ones. */
export const ReviewsQuery = z.object({
  overdue: z.enum(['0', '1']).default('0').describe('1: overdue gates only'),
  assigned: z.enum(['me', 'none']).optional().describe('me: claimed by or assigned to me; none: nobody has it yet'),
  kind: BriefKind.optional().describe('only gates on runs of this kind of brief'),
})
export type ReviewsQuery = z.infer<typeof ReviewsQuery>

/** POST /api/gates/:id/assign: hand a review to someone holding its role, or to nobody (null). */
export const GateAssign = z.object({
  email: z
    .email()
    .transform((s) => s.toLowerCase())
    .nullable(),
})
export type GateAssign = z.infer<typeof GateAssign>
/** What a claim or an assignment left: the gate and who has it now. */
export const GateAssignment = z.object({ gateId: z.uuid(), runId: z.uuid(), assignee: z.string().nullable() })
export type GateAssignment = z.infer<typeof GateAssignment>
/** GET /api/gates/:id/assignees: who a review could be handed to. */
export const GateAssignee = z.object({ email: z.string(), name: z.string() })
export type GateAssignee = z.infer<typeof GateAssignee>
/** GET /api/runs/:id/drafts/:version/export: an SEO content plan as a file. */
export const ExportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** The language of the file's headers and labels (roles, intents, pieces); English unless asked. */
  lang: Lang.default('en'),
})

export const ReviewItem = z.object({
  gateId: z.uuid(),
  gate: GateName,
  runId: z.uuid(),
  briefTitle: z.string(),
  kind: BriefKind,
  authorEmail: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Overdue and shown to me because the policy escalates it to my role. */
  escalated: z.boolean(),
  role: Role,
  openedAt: z.string().nullable(),
  /** Who has claimed it or been assigned it; null: anyone of the role may take it. */
  assigneeEmail: z.string().nullable(),
})
export type ReviewItem = z.infer<typeof ReviewItem>

/** GET /api/runs/:id/export: an approved run's final text as a file, or as the hand-off payload (json). */
export const ApprovedExportQuery = z.object({ format: z.enum(['md', 'html', 'json']).default('json') })

/**
 * An approved text with the proof of its approval: what a hand-off delivers to a CMS and what
 * `GET /api/runs/:id/export?format=json` returns. `id` names the event: one per approved run.
 */
export const ApprovedContent = z.object({
  id: z.string(),
  event: z.literal('content.approved'),
  runId: z.uuid(),
  kind: BriefKind,
  channel: z.string(),
  lang: Lang,
  title: z.string(),
  /** The text as approved: frozen at approval, never the draft edited since. */
  text: z.string(),
  approvedAt: z.string(),
  /** A paid ad's erid from the release decision (38-FZ art. 18.1); null for other channels. */
  erid: z.string().nullable(),
  /** The visible AI label the policy asks this channel to show with the text (`ai_label`), in the text's language; null when none. */
  label: z.string().nullable(),
  provenance: z.object({
    /** The approved version's engine: openai (a model), offline (the built-in engine), human (a writer's edit of the AI's draft). */
    engine: z.enum(['offline', 'openai', 'human']),
    model: z.string(),
    promptVersion: z.string(),
    policyVersion: z.string().nullable(),
    /** Every gate the approved version passed, in order, with who decided and when. */
    gates: z.array(z.object({ gate: GateName, decision: z.enum(['pass', 'waive']), decidedBy: z.string(), decidedAt: z.string() })),
    /** A model wrote the approved words, or the draft a writer edited into them (EU AI Act art. 50: AI-generated or assisted). */
    aiAssisted: z.boolean(),
    /** People reviewed it before release: always true for approved copy (the release gate has no waiver). */
    humanReviewed: z.literal(true),
  }),
})
export type ApprovedContent = z.infer<typeof ApprovedContent>
