import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testTargets } from './helpers/databases'
import { offerBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

describe.each(targets)('a fact check only for claims is planned only with claims, on $name', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
  })
  afterAll(async () => h?.close())

  it('a number only in the brief title: no claim in the draft, no fact_check gate', async () => {
    const writer = await h.as('writer')
    // The title's number makes the brief a factual_claim (a gate list of just [fact_check]); the
    // draft is built from the other fields and holds no number.
    const { run } = await h.runToGate(writer, offerBrief({ title: 'Spring campaign: 20% more bookings' }))
    expect(run.briefRisks.categories).toContain('factual_claim')
    expect(run.draft.categories).not.toContain('factual_claim')
    expect(run.claims).toEqual([])
    expect(run.gates.map((g: { gate: string }) => g.gate)).toEqual(['release'])
  })

  it('the same brief with a number the draft repeats keeps its fact check and its claim', async () => {
    const writer = await h.as('writer')
    const { run } = await h.runToGate(
      writer,
      offerBrief({
        title: 'Spring campaign: 20% more bookings',
        inputs: {
          product: 'StudioDesk',
          timeframe: 'within 30 days',
          method: 'online booking',
          differentiator: 'bookings up 20% in a month',
        },
      }),
    )
    expect(run.gates[0].gate).toBe('fact_check')
    expect(run.claims.some((c: { text: string }) => c.text.includes('20%'))).toBe(true)
  })
})
