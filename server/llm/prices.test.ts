import { describe, expect, it } from 'vitest'
import { costUsd } from './prices'

describe('model prices', () => {
  it('prices known models and their dated snapshots per million tokens', () => {
    expect(costUsd('gpt-4o-mini', 1_000_000, 1_000_000, undefined)).toBeCloseTo(0.75)
    expect(costUsd('gpt-4o-mini-2024-07-18', 1_000_000, 0, undefined)).toBeCloseTo(0.15)
    expect(costUsd('gpt-4o', 1_000_000, 0, undefined)).toBeCloseTo(2.5) // not mistaken for gpt-4o-mini
  })
  it('an unknown model costs null unless prices are configured', () => {
    expect(costUsd('llama-3-70b', 1000, 1000, undefined)).toBeNull()
    expect(costUsd('llama-3-70b', 2_000_000, 1_000_000, { input: 0.5, output: 1 })).toBeCloseTo(2)
  })
})
