import { describe, expect, it } from 'vitest'
import { OfflineProvider } from '../llm/offline-provider'
import type { LlmProvider } from '../llm/provider'
import type { RiskHit } from './classify'
import { POLICIES_DIR } from './cli'
import { loadPolicy } from './load'
import { locate, modelHits, wantsModelReview, withModelHits } from './model-review'

const text = 'Лучший сервис. Оплата частями — без переплат.'
const rule: RiskHit = { category: 'superlative', rule: 'ru-38fz-superlative', start: 0, end: 6, match: 'Лучший', explain: 'x' }

describe('model risk review', () => {
  it('locates quotes verbatim, then ignoring case, else not at all', () => {
    expect(locate(text, 'Оплата частями')).toEqual({ start: 15, end: 29 })
    expect(locate(text, 'оплата ЧАСТЯМИ')).toEqual({ start: 15, end: 29 })
    expect(locate(text, 'в рассрочку')).toBeNull()
    expect(locate(text, '   ')).toBeNull()
  })

  it('only adds: rule hits stay, overlapping duplicates and repeats are dropped', () => {
    const hits = modelHits(
      {
        findings: [
          { category: 'superlative', quote: 'Лучший сервис', reason: 'dup' },
          { category: 'finance', quote: 'Оплата частями', reason: 'рассрочка' },
          { category: 'finance', quote: 'оплата частями', reason: 'again' },
          { category: 'finance', quote: 'кредит', reason: 'paraphrase of a category already added' },
        ],
      },
      text,
      [rule],
    )
    expect(hits).toEqual([{ category: 'finance', rule: 'model-review', start: 15, end: 29, match: 'Оплата частями', explain: 'рассрочка' }])
    expect(withModelHits(['superlative'], hits)).toEqual(['superlative', 'finance'])
    expect(withModelHits(['superlative', 'medicine'], [])).toEqual(['superlative', 'medicine'])
  })

  it('runs only when the policy enables it (the default), a real model is configured and the draft holds no personal data', () => {
    const on = loadPolicy(POLICIES_DIR)
    expect(on.file.llm_classifier.enabled).toBe(true)
    const off = { ...on, file: { ...on.file, llm_classifier: { enabled: false } } }
    const model = { engine: 'openai', model: 'm', generate: () => Promise.reject(new Error('unused')) } as LlmProvider
    expect(wantsModelReview(off, model, 0)).toBe(false)
    expect(wantsModelReview(on, model, 0)).toBe(true)
    expect(wantsModelReview(on, model, 1)).toBe(false)
    expect(wantsModelReview(on, new OfflineProvider(), 0)).toBe(false)
  })
})
