import type { Config } from '../config'
import { OfflineProvider } from './offline-provider'
import { OpenAiProvider } from './openai-provider'
import type { PriceOverride } from './prices'
import type { LlmProvider } from './provider'

/** No OPENAI_API_KEY: the offline engine. Otherwise the OpenAI-compatible endpoint. */
export function createProvider(llm: Config['llm'], env: NodeJS.ProcessEnv = process.env): LlmProvider {
  if (!llm.apiKey) return new OfflineProvider()
  const input = Number(env.COPYDESK_PRICE_INPUT_PER_MTOK)
  const output = Number(env.COPYDESK_PRICE_OUTPUT_PER_MTOK)
  const price: PriceOverride =
    env.COPYDESK_PRICE_INPUT_PER_MTOK && env.COPYDESK_PRICE_OUTPUT_PER_MTOK && input >= 0 && output >= 0 ? { input, output } : undefined
  return new OpenAiProvider({
    apiKey: llm.apiKey,
    baseURL: llm.baseURL,
    model: llm.model,
    embeddingModel: llm.embeddingModel,
    timeoutMs: llm.timeoutMs,
    maxRetries: llm.maxRetries,
    price,
  })
}
