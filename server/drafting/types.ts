import type { KindInputs, Lang } from '../../contracts/briefs'
import type { Prompt } from '../prompts/load'

/** What a drafting kind sees of a brief. */
export type DraftingBrief = {
  title: string
  audience: string
  task: string
  offer: string
  format: string
  channel: string
  deadline: string
  qualityCriteria: string
  successMetrics: string
  lang: Lang
} & KindInputs
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
export type DraftingKind<T, P = void> = {
  promptId: string
  schema: import('zod').ZodType<T>
  /** Work before the calls, once per draft (SEO: cluster, with the model's embeddings in the semantic mode). */
  prepare?(task: DraftingTask, ctx: PrepareContext): Promise<P>
  calls(task: DraftingTask, prepared: P): DraftingCall<unknown>[]
  combine(replies: unknown[], task: DraftingTask, prepared: P): T
  /**
   * Checks what `combine` built; default `schema.parse`. A kind whose output was already
   * validated in the compute pool (SEO: a 100,000-keyword plan takes seconds to walk) checks
   * only what changed since, so the main thread is not blocked re-validating it.
   */
  parse?(combined: T): T
  toText(output: T, lang: Lang): string
}

/** What `prepare` may use: the provider (its embeddings), and the audit hook every model call reports to. */
export type PrepareContext = {
  provider: import('../llm/provider').LlmProvider
  onCall: (call: import('./generate').CallRecord) => Promise<void>
}

export type RenderedPrompt = { prompt: Prompt; system: string; user: string }
