import { LlmError, type GenerateRequest, type GenerateResult, type LlmProvider } from './provider'

/**
 * The built-in engine: no model, no network. Each drafting kind supplies a deterministic
 * algorithm (GenerateRequest.offline); this provider runs it and holds it to the same output
 * schema a model's reply must pass. Costs nothing and is labelled as what it is.
 */
export const OFFLINE_MODEL = 'copydesk-offline-1'

export class OfflineProvider implements LlmProvider {
  readonly engine = 'offline' as const
  readonly model = OFFLINE_MODEL

  async generate<T>(req: GenerateRequest<T>): Promise<GenerateResult<T>> {
    const t0 = performance.now()
    const usage = { engine: this.engine, model: this.model, tokensIn: 0, tokensOut: 0, costUsd: 0, attempts: 1 }
    const parsed = req.schema.safeParse(req.offline())
    const latencyMs = Math.round(performance.now() - t0)
    if (!parsed.success) {
      throw new LlmError('invalid_output', `offline engine produced an invalid ${req.schemaName}: ${parsed.error.message}`, {
        ...usage,
        latencyMs,
      })
    }
    return { ...usage, latencyMs, output: parsed.data }
  }
}
