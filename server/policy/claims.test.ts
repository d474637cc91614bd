import { describe, expect, it } from 'vitest'
import type { RiskHit } from './classify'
import { extractClaims } from './claims'

const hit = (text: string, word: string): RiskHit => {
  const start = text.indexOf(word)
  return { category: 'factual_claim', rule: 'x', start, end: start + word.length, match: word, explain: '' }
}

describe('claim extraction', () => {
  it('one claim per sentence, list markers dropped, offsets into the text', () => {
    const text = 'Proofs:\n- Clinic "Smile" cut no-shows from 18% to 7% in 2 months\n• 1,200 clinics use it. Try it.'
    const claims = extractClaims(text, [hit(text, '18%'), hit(text, '7%'), hit(text, '1,200')])
    expect(claims.map((c) => c.text)).toEqual(['Clinic "Smile" cut no-shows from 18% to 7% in 2 months', '1,200 clinics use it.'])
    for (const c of claims) expect(text.slice(c.start!, c.end!)).toBe(c.text)
  })

  it('adds cited proofs the sentences do not already hold', () => {
    const claims = extractClaims('We help clinics.', [], ['Rated 4.9 by 300 owners'])
    expect(claims).toEqual([{ text: 'Rated 4.9 by 300 owners', kind: 'proof', start: null, end: null }])
  })
})
