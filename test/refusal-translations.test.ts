// Issue 19, item 1: every refusal's reason is said in Russian and in English, with the values its
// English sentence names; a reason added on the server without its translations fails here.
import { describe, expect, it } from 'vitest'
import { REASONS, refuse } from '../server/refusals'
import { en } from '../web/src/i18n/en'
import { ru } from '../web/src/i18n/ru'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('refusals', () => {
  it.each(REASONS)('%s is translated in both languages, naming the same values', (reason) => {
    const english = refuse(reason).message
    for (const dict of [ru, en] as Record<string, string>[]) {
      const text = dict[`reason.${reason}`]
      expect(text, `reason.${reason}`).toBeTruthy()
      expect(placeholders(text!)).toEqual(placeholders(english))
    }
  })

  it('a refusal carries its reason and params; its English message has them filled in', () => {
    const err = refuse('gate.claims_unverified', { count: 3 })
    expect(err.refusal).toEqual({ reason: 'gate.claims_unverified', params: { count: 3 } })
    expect(err.message).toBe('3 claim(s) are not verified yet: verify each with its source, or request changes')
    expect(err.status).toBe(409)
  })
})
