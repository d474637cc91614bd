import type { z } from 'zod'

export type Engine = 'offline' | 'openai'

export type GenerateRequest<T> = {
  /** The output contract: the reply is parsed with it, whatever the engine. */
  schema: z.ZodType<T>
  schemaName: string
  system: string
  user: string
  temperature?: number
  /** The deterministic engine's answer to the same task, used when no model is configured. */
  offline: () => T
}

export type Usage = {
  engine: Engine
  model: string
  tokensIn: number
  tokensOut: number
  costUsd: number | null
  latencyMs: number
  attempts: number
}

export type GenerateResult<T> = Usage & { output: T }

/** One vector per text, in the texts' order; `model` in the usage is the embeddings model. */
export type EmbedResult = Usage & { vectors: Float32Array[] }

/** One structured-generation interface for every engine. */
export interface LlmProvider {
  readonly engine: Engine
  readonly model: string
  generate<T>(req: GenerateRequest<T>): Promise<GenerateResult<T>>
  /** Embeddings (the semantic SEO mode); the offline engine has none. */
  embed?(texts: string[]): Promise<EmbedResult>
}

export type LlmFailure = 'timeout' | 'rate_limited' | 'server_error' | 'connection' | 'refused' | 'invalid_output' | 'bad_request'

/** A model call that did not produce a valid answer; carries what was spent, for the audit row. */
export class LlmError extends Error {
  constructor(
    readonly failure: LlmFailure,
    message: string,
    readonly usage: Usage,
  ) {
    super(message)
    this.name = 'LlmError'
  }
}
