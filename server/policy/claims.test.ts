import { describe, expect, it } from 'vitest'
import type { OfferInputs } from '../../contracts/briefs'
import { offerKind } from '../drafting/offer'
import { offerOffline } from '../drafting/offer/offline'
import type { RiskHit } from './classify'
import { briefParameters, extractClaims, needsFactCheckWithoutClaims } from './claims'
import { loadPolicy } from './load'
import { POLICIES_DIR } from './cli'

const hit = (text: string, word: string, from = 0): RiskHit => {
  const start = text.indexOf(word, from)
  return { category: 'factual_claim', rule: 'x', start, end: start + word.length, match: word, explain: '' }
}

/** Every number with its unit as a factual_claim hit: the lexicon's job, done here by a fixed rule. */
const numberHits = (text: string): RiskHit[] =>
  [...text.matchAll(/\d+(?:[ ,.]\d+)?\s?(?:%|days?|months?|месяц\w*|дн\w*|клиник\w*)/gu)].map((m) => ({
    category: 'factual_claim',
    rule: 'x',
    start: m.index,
    end: m.index + m[0].length,
    match: m[0],
    explain: '',
  }))

describe('claim extraction', () => {
  it('one claim per sentence, list markers dropped, offsets into the text', () => {
    const text = 'Proofs:\n- Clinic "Smile" cut no-shows from 18% to 7% in 2 months\n• 1,200 clinics use it. Try it.'
    const claims = extractClaims(text, [hit(text, '18%'), hit(text, '7%'), hit(text, '1,200')])
    expect(claims.map((c) => c.text)).toEqual(['Clinic "Smile" cut no-shows from 18% to 7% in 2 months', '1,200 clinics use it.'])
    for (const c of claims) expect(text.slice(c.start!, c.end!)).toBe(c.text)
  })

  it('adds cited proofs the sentences do not already hold', () => {
    const claims = extractClaims('We help clinics.', [], ['Rated 4.9 by 300 owners'])
    expect(claims).toEqual([
      { text: 'Rated 4.9 by 300 owners', kind: 'proof', start: null, end: null, statement: 'rated 4 9 by 300 owners' },
    ])
  })

  it('a number with a decimal point stays one sentence', () => {
    const text = 'Rated 4.9 by 300 owners. Try it.'
    expect(extractClaims(text, [hit(text, '300 owners')]).map((c) => c.text)).toEqual(['Rated 4.9 by 300 owners.'])
  })

  it('the same statement in another case, quotes or spacing is one claim, at its first place', () => {
    const text = 'Клиника «Улыбка»: неявки с 18% до 7%.\nКЛИНИКА "УЛЫБКА": неявки с 18%  до 7%!\nКлиника Улыбка — неявки с 18% до 7%'
    const claims = extractClaims(text, [hit(text, '18%'), hit(text, '18%', 40), hit(text, '18%', 80)])
    expect(claims).toHaveLength(1)
    expect(claims[0]!.start).toBe(0)
  })

  it('a layout field is its value: none when it restates a brief parameter, the value alone when it holds more', () => {
    const text =
      'Срок: за 2 месяца\nМетод: напоминания, неявки −60% за 2 месяца\nTimeframe: within 30 days\nVariant 2: RemindCRM cuts no-shows in 30 days'
    const claims = extractClaims(text, numberHits(text), [], ['2 месяца', '30 days', 'напоминания'])
    expect(claims.map((c) => c.text)).toEqual(['напоминания, неявки −60% за 2 месяца', 'RemindCRM cuts no-shows in 30 days'])
    for (const c of claims) expect(text.slice(c.start!, c.end!)).toBe(c.text)
  })

  it('a label that is not a field name stays part of the claim', () => {
    const text = 'Clinic Smile: no-shows down 60% in 2 months'
    expect(extractClaims(text, numberHits(text), [], ['2 months']).map((c) => c.text)).toEqual([text])
  })
})

describe('claims of a real offer draft (offline engine, both languages)', () => {
  const offer = (lang: 'ru' | 'en', inputs: OfferInputs, brief: { audience: string; task: string; offer: string }) => {
    const draft = offerOffline({
      brief: {
        kind: 'offer',
        title: 't',
        format: 'landing',
        channel: 'landing',
        deadline: '2026-12-15',
        qualityCriteria: '',
        successMetrics: '',
        lang,
        inputs,
        ...brief,
      },
      feedback: null,
      previous: null,
      limits: { headlineMaxLength: 70 },
    })
    const text = offerKind.toText(draft, lang)
    const proofs = draft.proofs.filter((p) => p.status === 'given').map((p) => p.claim)
    return { text, claims: extractClaims(text, numberHits(text), proofs, briefParameters({ ...brief, inputs })) }
  }

  it('Russian: each statement once across the three variants; labels and restated parameters are not claims', () => {
    const { text, claims } = offer(
      'ru',
      {
        product: 'НапоминайCRM',
        timeframe: '2 месяца',
        method: 'SMS-напоминания за сутки до визита',
        differentiator: 'на 30% дешевле аналогов',
        proofs: ['Клиника «Улыбка» снизила неявки с 18% до 7% за 2 месяца'],
      },
      { audience: 'Владельцы частных стоматологий', task: 'Снизить неявки пациентов', offer: 'CRM с напоминаниями' },
    )
    // the rendered layout repeats the difference 6 times and the timeframe 9 times
    expect(text.match(/30% дешевле/g)).toHaveLength(6)
    expect(claims.map((c) => c.text)).toEqual([
      'НапоминайCRM: снизить неявки пациентов за 2 месяца',
      'НапоминайCRM для аудитории «Владельцы частных стоматологий»: снизить неявки пациентов за 2 месяца.',
      'На 30% дешевле аналогов.',
      'Снизить неявки пациентов за 2 месяца — НапоминайCRM',
      'Владельцы частных стоматологий: снизить неявки пациентов за 2 месяца',
      'Клиника «Улыбка» снизила неявки с 18% до 7% за 2 месяца',
    ])
    expect(new Set(claims.map((c) => c.statement)).size).toBe(claims.length)
    for (const c of claims) expect(text.slice(c.start!, c.end!)).toBe(c.text)
  })

  it('English: the 16 sentences with a number become 6 claims', () => {
    const { text, claims } = offer(
      'en',
      {
        product: 'RemindCRM',
        timeframe: '30 days',
        method: 'SMS reminders before each visit',
        differentiator: 'setup in 1 day',
        proofs: ['Clinic "Smile" cut no-shows from 18% to 7% in 2 months'],
      },
      { audience: 'Owners of dental clinics', task: 'Cut patient no-shows', offer: 'A CRM with reminders' },
    )
    const sentencesWithNumbers = text.split(/\n|(?<=\.) /u).filter((s) => /\d/u.test(s) && !/^\s*Proofs:$/u.test(s))
    expect(sentencesWithNumbers).toHaveLength(16)
    // without the brief's parameters, the timeframe field ("Timeframe: 30 days") would be a claim of its own
    expect(extractClaims(text, numberHits(text)).map((c) => c.text)).toContain('30 days')
    expect(claims.map((c) => c.text)).toEqual([
      'RemindCRM: cut patient no-shows in 30 days',
      'RemindCRM for Owners of dental clinics: cut patient no-shows in 30 days.',
      'Setup in 1 day.',
      'Cut patient no-shows in 30 days with RemindCRM',
      'Owners of dental clinics: cut patient no-shows in 30 days',
      'Clinic "Smile" cut no-shows from 18% to 7% in 2 months',
    ])
  })
})

describe('a fact check without claims', () => {
  const policy = loadPolicy(POLICIES_DIR)
  it('is not needed when only a claims-only category asks for it', () => {
    expect(policy.file.categories.factual_claim).toEqual(['fact_check'])
    expect(needsFactCheckWithoutClaims(policy, ['factual_claim'])).toBe(false)
    expect(needsFactCheckWithoutClaims(policy, ['factual_claim', 'brand'])).toBe(false)
  })
  it('is still needed when a riskier category asks for it too', () => {
    expect(needsFactCheckWithoutClaims(policy, ['factual_claim', 'finance'])).toBe(true)
    expect(needsFactCheckWithoutClaims(policy, ['medicine'])).toBe(true)
  })
})
