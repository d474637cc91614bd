import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testTargets } from './helpers/databases'
import { medicalOfferBrief, offerBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()
type Hit = { category: string; rule: string; explain: string }

// Issue 15: what is advertised decides the sector rules, end to end on the offline engine.
describe.each(targets)('what is advertised, through a run, on $name', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("the README's dental-clinic CRM is sold to clinics: not medicine advertising, no contraindication warning", async () => {
    const { run } = await h.runToGate(await h.as('writer'), medicalOfferBrief())
    expect(run.draft.categories).not.toContain('medicine')
    expect(run.draft.missing.map((m: { requirement: string }) => m.requirement)).not.toContain('contraindications')
    expect(run.briefRisks.sectors).toEqual({ declared: null, inferred: [], mismatch: false })
    // its guarantee still goes to a lawyer, and its numbers to the fact-checker
    expect(run.draft.categories).toEqual(expect.arrayContaining(['legal_promise', 'factual_claim']))
    expect(run.gates.map((g: { gate: string }) => g.gate)).toEqual(['fact_check', 'legal_review', 'release'])
  })

  it("a clinic's own service declared as medicine brings art. 24 and its warning even where no word names it", async () => {
    const brief = offerBrief({
      title: 'Весенняя запись',
      audience: 'Жители района',
      task: 'Заполнить расписание на апрель',
      offer: 'Приём в удобное время',
      lang: 'ru',
      advertised: 'medicine',
      inputs: { product: 'Запись онлайн', timeframe: 'апрель', method: 'Онлайн-запись', differentiator: 'Вечерние часы' },
    })
    const { run } = await h.runToGate(await h.as('writer'), brief)
    expect(run.draft.categories).toContain('medicine')
    expect(run.draft.risks.some((r: Hit) => r.rule === 'declared-sector')).toBe(true)
    expect(run.draft.missing.map((m: { requirement: string }) => m.requirement)).toContain('contraindications')
    expect(run.gates.map((g: { gate: string }) => g.gate)).toContain('legal_review')
  })

  it('a brief that says "other" but reads as a loan goes to legal review with the reason shown', async () => {
    const brief = offerBrief({ offer: 'Loans up to $5,000 for studio equipment, decision in a day', advertised: 'other' })
    const { run } = await h.runToGate(await h.as('writer'), brief)
    expect(run.briefRisks.sectors).toEqual({ declared: 'other', inferred: ['finance'], mismatch: true })
    const reason = run.briefRisks.risks.find((r: Hit) => r.rule === 'sector-mismatch')
    expect(reason).toMatchObject({ category: 'finance' })
    expect(reason.explain).toContain('the text reads as Financial services')
    expect(run.gates.map((g: { gate: string }) => g.gate)).toContain('legal_review')
  })
})
