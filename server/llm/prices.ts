/**
 * USD per million tokens (input, output), from the providers' public price lists. A model not
 * listed here has an unknown cost (null) unless COPYDESK_PRICE_INPUT_PER_MTOK and
 * COPYDESK_PRICE_OUTPUT_PER_MTOK give its prices.
 */
const PRICES: Record<string, [number, number]> = {
  'gpt-4o-mini': [0.15, 0.6],
  'gpt-4o': [2.5, 10],
  'gpt-4.1': [2, 8],
  'gpt-4.1-mini': [0.4, 1.6],
  'gpt-4.1-nano': [0.1, 0.4],
  'gpt-5': [1.25, 10],
  'gpt-5-mini': [0.25, 2],
  'gpt-5-nano': [0.05, 0.4],
  // embeddings: input only
  'text-embedding-3-small': [0.02, 0],
  'text-embedding-3-large': [0.13, 0],
  'text-embedding-ada-002': [0.1, 0],
}

export type PriceOverride = { input: number; output: number } | undefined

export function priceOf(model: string, override: PriceOverride): [number, number] | undefined {
  if (override) return [override.input, override.output]
  // Dated snapshots ("gpt-4o-mini-2024-07-18") cost the same as their family.
  const family = Object.keys(PRICES)
    .filter((k) => model === k || model.startsWith(`${k}-`))
    .sort((a, b) => b.length - a.length)[0]
  return family ? PRICES[family] : undefined
}

export function costUsd(model: string, tokensIn: number, tokensOut: number, override: PriceOverride): number | null {
  const p = priceOf(model, override)
  if (!p) return null
  return Math.round(((tokensIn * p[0] + tokensOut * p[1]) / 1e6) * 1e8) / 1e8
}
