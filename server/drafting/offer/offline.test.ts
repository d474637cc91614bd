import { describe, expect, it } from 'vitest'
import { OfferDraft } from '../../../contracts/runs'
import type { DraftingTask } from '../types'
import { offerOffline } from './offline'
import { ONE_LINER_MAX } from './text'

const task = (lang: 'ru' | 'en', inputs: Record<string, unknown>, feedback: string | null = null): DraftingTask => ({
  feedback,
  previous: null,
  limits: { headlineMaxLength: 70 },
  brief: {
    kind: 'offer',
    title: 't',
    format: 'landing',
    channel: 'landing',
    deadline: '2026-12-01',
    qualityCriteria: 'q',
    successMetrics: 's',
    lang,
    inputs,
    ...(lang === 'ru'
      ? { audience: 'Владельцы частных стоматологий, 3-10 кресел', task: 'Сократить неявки пациентов', offer: 'CRM с автонапоминаниями' }
      : {
          audience: 'Owners of private dental clinics; 3-10 chairs',
          task: 'Cut patient no-shows',
          offer: 'A CRM with automatic reminders',
        }),
  },
})

describe('offline offer engine', () => {
  it('fills the five-part formula from the brief in three distinct framings', () => {
    const out = OfferDraft.parse(
      offerOffline(
        task('en', { product: 'RemindCRM', timeframe: '30 days', method: 'SMS reminders', differentiator: 'Set up in one day' }),
      ),
    )
    expect(out.variants).toHaveLength(3)
    expect(new Set(out.variants.map((v) => v.oneLiner)).size).toBe(3)
    expect(new Set(out.variants.map((v) => v.pitch)).size).toBe(3)
    for (const v of out.variants) {
      expect(v).toMatchObject({
        forWhom: 'Owners of private dental clinics',
        task: 'Cut patient no-shows',
        timeframe: '30 days',
        method: 'SMS reminders',
        difference: 'Set up in one day',
      })
      expect(v.oneLiner.length).toBeLessThanOrEqual(ONE_LINER_MAX)
      expect(v.pitch).toContain('in 30 days')
    }
    expect(out.variants[1]!.oneLiner).toBe('Cut patient no-shows in 30 days with RemindCRM') // brand spelling kept
    expect(out.missing).toEqual(['Proofs: cases, numbers, reviews, certificates'])
  })

  it('never invents a proof: none given -> "proof needed"; given -> passed through for fact-checking', () => {
    expect(offerOffline(task('en', {})).proofs).toEqual([{ claim: expect.stringMatching(/^Proof needed/), status: 'needed' }])
    expect(offerOffline(task('en', { proofs: ['No-shows fell from 18% to 7% at Clinic Smile.'] })).proofs).toEqual([
      { claim: 'No-shows fell from 18% to 7% at Clinic Smile', status: 'given' },
    ])
  })

  it('leaves blanks visibly blank in Russian and lists what the brief lacks', () => {
    const out = offerOffline(task('ru', {}))
    expect(out.variants[0]!.timeframe).toBe('[срок: уточнить]')
    expect(out.variants[0]!.method).toBe('[метод: уточнить]')
    expect(out.missing).toHaveLength(4)
    expect(out.variants[0]!.oneLiner).toMatch(/^CRM с автонапоминаниями: сократить неявки пациентов/)
    const dated = offerOffline(task('ru', { timeframe: 'за 2 недели' }))
    expect(dated.variants[0]!.pitch).toContain('за 2 недели')
    expect(dated.variants[0]!.pitch).not.toContain('за за')
  })

  it('is deterministic, and a redraft leads with another framing', () => {
    const a = offerOffline(task('en', { timeframe: '30 days' }))
    expect(offerOffline(task('en', { timeframe: '30 days' }))).toEqual(a)
    const redraft = offerOffline(task('en', { timeframe: '30 days' }, 'Lead with the outcome'))
    expect(redraft.variants[0]).toEqual(a.variants[2])
  })

  it('keeps the one-liner within the 10-second limit for a long brief', () => {
    const long = task('en', {
      product: `${'X'.repeat(10)} platform for everything your front desk does all day long`,
      timeframe: 'the first ninety calendar days after the contract is signed',
    })
    for (const v of offerOffline(long).variants) expect(v.oneLiner.length).toBeLessThanOrEqual(ONE_LINER_MAX)
  })
})
