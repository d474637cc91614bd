import type { Lang } from '../../contracts/briefs'
import type { Prompt } from '../prompts/load'

/** What a drafting kind sees of a brief. */
export type DraftingBrief = {
  kind: string
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
  inputs: Record<string, unknown>
}

export type DraftingTask = {
  brief: DraftingBrief
  /** The reviewer's comment when changes were requested; null on the first draft. */
  feedback: string | null
  previous: unknown
}

/** One module per kind: its output schema, its prompt variables, its offline algorithm, its plain-text rendering. */
export type DraftingKind<T> = {
  promptId: string
  schemaName: string
  schema: import('zod').ZodType<T>
  variables(task: DraftingTask): Record<string, string>
  offline(task: DraftingTask): T
  toText(output: T, lang: Lang): string
}

export type RenderedPrompt = { prompt: Prompt; system: string; user: string }
