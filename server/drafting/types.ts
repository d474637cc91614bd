import type { BriefInputs, BriefKind, BriefText, KindInputs, Lang } from '../../contracts/briefs'
import type { DraftContent } from '../../contracts/drafts'
import type { Prompt } from '../prompts/load'

/** What a drafting kind sees of a brief. */
export type DraftingBrief = Record<BriefText, string> & { channel: string; deadline: string; lang: Lang } & KindInputs
/** A brief of one kind, its inputs typed. */
export type DraftingBriefOf<K extends KindInputs['kind']> = Extract<DraftingBrief, { kind: K }>

export type DraftingTask = {
  brief: DraftingBrief
  /** The reviewer's comment when changes were requested; null on the first draft. */
  feedback: string | null
  previous: unknown
  /** What the policy holds drafts of this brief's channel to. */
  limits: { headlineMaxLength: number }
  /** Approved results of the same kind, channel and language from the knowledge base, for tone and structure. */
  examples?: { runId: string; text: string }[]
}

/**
 * One model call of a draft: the reply's schema (its refinements, such as "every quote is
 * verbatim", are what the provider retries the model once on), the prompt's variables, and the
 * deterministic engine's answer to the same call.
 */
export type DraftingCall<M> = {
  /** Names the call in its audit row when a draft takes several (one per interview). */
  part: string | null
  schemaName: string
  schema: import('zod').ZodType<M>
  variables: Record<string, string>
  offline: () => M
}

/**
 * One module per kind: the calls a draft takes, how their replies become the stored draft
 * (grounded by code: quotes located in the transcript, headline lengths counted), the stored
 * draft's contract, and its plain-text rendering for the risk rules and the reviewer.
 */
export type DraftingKind<T, P = void, R = unknown> = {
  promptId: string
  schema: import('zod').ZodType<T>
  /** Work before the calls, once per draft (SEO: cluster, with the model's embeddings in the semantic mode); `noPreparation` for none. */
  prepare(task: DraftingTask, ctx: PrepareContext): Promise<P>
  /** The calls, each replying an `R` (its schema checked by the provider). */
  calls(task: DraftingTask, prepared: P): DraftingCall<R>[]
  /** The replies, one per call in order, grounded into the stored draft. */
  combine(replies: R[], task: DraftingTask, prepared: P): T
  /**
   * Checks what `combine` built; default `schema.parse`. A kind whose output was already
   * validated in the compute pool (SEO: a 100,000-keyword plan takes seconds to walk) checks
   * only what changed since, so the main thread is not blocked re-validating it.
   */
  parse?(combined: T): T
  toText(output: T, lang: Lang): string
}

/**
 * A kind's module: its drafting, and every decision that differs by kind. Adding a kind is a
 * folder with one of these and a line in kinds.ts; what a kind does not have, it leaves out.
 */
export type KindModule<K extends BriefKind, P = void, R = unknown> = DraftingKind<DraftContent<K>, P, R> & {
  /** Its prompt shows approved results of the same kind, channel and language as examples of tone and structure. */
  takesExamples?: true
  /** Claims the draft cites as given (an offer's proofs): each goes to the fact check as a claim. */
  givenProofs?(content: DraftContent<K>): string[]
  /**
   * A draft edited as structure, not as text (an SEO plan: keywords moved between clusters): the
   * revised content, or an AppError saying what is wrong with the proposal. Without it the writer edits the text.
   */
  revise?(content: DraftContent<K>, proposed: unknown): DraftContent<K>
  /** The draft as a file to download (an SEO plan: CSV or XLSX); without it the draft has no export. */
  exportFile?(content: DraftContent<K>, format: 'csv' | 'xlsx', lang: Lang): Promise<DraftFile>
  /** The inputs a reused brief starts from (an SEO brief drops the rows its old upload skipped). */
  reuseInputs?(inputs: BriefInputs<K>): BriefInputs<K>
}

/** `stem`: the file's name before the version and extension (content-plan-v3.csv). */
export type DraftFile = { stem: string; extension: 'csv' | 'xlsx'; contentType: string; body: string | Uint8Array<ArrayBuffer> }

/** For a kind with no work before its calls. */
export const noPreparation = async (): Promise<void> => {}

/** What `prepare` may use: the provider (its embeddings), and the audit hook every model call reports to. */
export type PrepareContext = {
  provider: import('../llm/provider').LlmProvider
  onCall: (call: import('./generate').CallRecord) => Promise<void>
}

export type RenderedPrompt = { prompt: Prompt; system: string; user: string }
