// The brief's own risk marks before submitting (issue 15, item 7): POST /api/briefs/risk-check.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testTargets } from './helpers/databases'
import { makeHarness, type Harness } from './helpers/harness'
import { policyVariant } from './helpers/policy-copy'

const targets = await testTargets()

type InLang = { title: string; explain: string; fix?: string }
type Mark = {
  category: string
  rule: string
  start: number
  end: number
  match: string
  explain: string
  texts?: { ru: InLang; en: InLang }
}
type Field = { path: string; risks: Mark[] }

const RU = {
  title: 'Запись в студию йоги',
  audience: 'Владельцы небольших студий йоги',
  task: 'Заполнить вечерние занятия',
  offer: 'Онлайн-запись с напоминаниями. Гарантируем место на любом занятии',
  format: 'лендинг',
  qualityCriteria: 'Без слов «гарантируем» и «лучший»',
  successMetrics: 'Больше пробных записей',
  'inputs.product': 'StudioDesk',
  'inputs.proofs.0': 'Клиенты называют нас лучшим сервисом записи',
}

describe.each(targets)('brief risk check on $name', (target) => {
  let h: Harness
  let variant: ReturnType<typeof policyVariant>
  beforeAll(async () => {
    // A pack of our own whose rule says the text advertises finance, so the test does not hang on
    // which words the shipped packs read as a sector.
    variant = policyVariant((y) =>
      y.replace('packs: [ru-38fz, en-claims, pii, brand]', 'packs: [ru-38fz, en-claims, pii, brand, test-sector]'),
    )
    fs.writeFileSync(
      path.join(variant.dir, 'packs', 'test-sector.yaml'),
      [
        'id: test-sector',
        'name: { ru: Тестовая отрасль, en: Test sector }',
        'lang: ru',
        'rules:',
        '  - id: test-sector-microloan',
        '    category: finance',
        '    title: { ru: Микрозайм, en: Microloan }',
        '    sector: finance',
        '    explain: { ru: Микрозайм — финансовая услуга., en: A microloan is a financial service. }',
        '    lexicon: [микрозайм]',
        '',
      ].join('\n'),
    )
    h = await makeHarness(target, { policiesDir: variant.dir })
  })
  afterAll(async () => {
    await h?.close()
    variant?.dispose()
  })

  const check = async (body: Record<string, unknown>) => (await h.as('writer')).post('/api/briefs/risk-check', body)

  it('marks words in the field they are in, with offsets into that field, and names the gates', async () => {
    const res = await check({ kind: 'offer', channel: 'landing', fields: RU })
    expect(res.status).toBe(200)
    const offer = res.body.fields.find((f: Field) => f.path === 'offer') as Field
    const promise = offer.risks.find((r) => r.category === 'legal_promise')!
    expect(RU.offer.slice(promise.start, promise.end)).toBe(promise.match)
    expect(promise.match.toLowerCase()).toBe('гарантируем')
    // in the text's language for scripts, and titled and explained in each UI language
    expect(promise.explain).toMatch(/^Гарантии результата/)
    expect(promise.texts?.en).toMatchObject({
      title: 'Guarantees and absolute promises',
      explain: expect.stringMatching(/^Guarantees of results/),
    })
    expect(promise.texts?.ru.title).toBe('Гарантии и абсолютные обещания')
    const proof = (res.body.fields as Field[]).find((f) => f.path === 'inputs.proofs.0')!
    const best = proof.risks.find((r) => r.category === 'superlative')!
    expect(RU['inputs.proofs.0'].slice(best.start, best.end)).toBe(best.match)
    expect(best.match.toLowerCase()).toContain('лучш')
    // the writer's instructions gate nothing: no marks there, though they quote the same words
    expect(res.body.fields.map((f: Field) => f.path)).not.toContain('qualityCriteria')
    expect(res.body.fields.map((f: Field) => f.path)).not.toContain('title')
    expect(res.body.categories).toEqual(expect.arrayContaining(['legal_promise', 'superlative']))
    expect(res.body.gates).toEqual(['fact_check', 'legal_review', 'release'])
    expect(res.body.sectors).toEqual({ declared: null, inferred: [], mismatch: false })
  })

  it('a safe brief goes to release only; empty fields are skipped', async () => {
    const res = await check({
      kind: 'offer',
      channel: 'landing',
      fields: {
        title: 'Booking page',
        audience: 'Yoga studio owners',
        task: 'Fill evening classes',
        offer: 'A booking page with reminders',
        'inputs.method': '   ',
      },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ fields: [], categories: [], missing: [], gates: ['release'] })
  })

  it('personal data counts for the gates but is not marked here; a dismissed finding adds no gate', async () => {
    const fields = {
      title: 'Booking page',
      audience: 'Studio owners like Anna Petrova (anna.petrova@gmail.com)',
      task: 'Fill evening classes',
      offer: 'A booking page',
    }
    const res = await check({ kind: 'offer', channel: 'landing', fields })
    expect(res.status).toBe(200)
    expect(res.body.fields.flatMap((f: Field) => f.risks).filter((r: Mark) => r.category === 'personal_data')).toEqual([])
    expect(res.body.categories).toContain('personal_data')
    expect(res.body.gates).toContain('legal_review')

    const findings = (await (await h.as('writer')).post('/api/briefs/pii-check', { fields })).body.findings as {
      path: string
      start: number
      end: number
      type: string
    }[]
    expect(findings.length).toBeGreaterThan(0)
    const piiDismissals = findings.map(({ path, start, end, type }) => ({
      path,
      start,
      end,
      type,
      reason: 'a made-up persona for the example',
    }))
    const dismissed = await check({ kind: 'offer', channel: 'landing', fields, piiDismissals })
    expect(dismissed.body.categories).not.toContain('personal_data')
    expect(dismissed.body.gates).toEqual(['release'])
  })

  it('an internal kind (seo_clusters) gets no advertising categories, whatever it declares', async () => {
    const res = await check({
      kind: 'seo_clusters',
      channel: 'landing',
      advertised: 'medicine',
      fields: { ...RU, 'inputs.keywordsCsv': 'лучшая стоматология,100\nгарантия лечения кариеса,50\nмикрозайм онлайн,30' },
    })
    expect(res.status).toBe(200)
    expect(res.body.fields).toEqual([])
    expect(res.body.categories).toEqual([])
    expect(res.body.missing).toEqual([])
    expect(res.body.sectors.mismatch).toBe(false)
    expect(res.body.gates).toEqual(['release'])
  })

  it('a declared sector adds its category and gates though no word names it', async () => {
    const fields = {
      title: 'Booking page',
      audience: 'Yoga studio owners',
      task: 'Fill evening classes',
      offer: 'A booking page with reminders',
    }
    const res = await check({ kind: 'offer', channel: 'landing', advertised: 'finance', fields })
    expect(res.status).toBe(200)
    expect(res.body.categories).toContain('finance')
    expect(res.body.sectors).toMatchObject({ declared: 'finance', mismatch: false })
    expect(res.body.gates).toEqual(['fact_check', 'legal_review', 'release'])
    // the sector is the brief's, not a word's: no zero-length marks in any field
    expect(res.body.fields).toEqual([])
  })

  it('a text that reads as a sector the brief did not declare is a mismatch for legal review', async () => {
    const fields = {
      title: 'Займы',
      audience: 'Владельцы малого бизнеса',
      task: 'Привлечь заёмщиков',
      offer: 'Микрозайм на развитие бизнеса за один день',
    }
    const other = await check({ kind: 'offer', channel: 'landing', advertised: 'other', fields })
    expect(other.status).toBe(200)
    expect(other.body.sectors).toEqual({ declared: 'other', inferred: ['finance'], mismatch: true })
    expect(other.body.gates).toContain('legal_review')
    const offer = (other.body.fields as Field[]).find((f) => f.path === 'offer')!
    // (a shipped finance rule may mark the same words: one mark per category and span)
    const hit = offer.risks.find((r) => r.category === 'finance')!
    expect(fields.offer.slice(hit.start, hit.end)).toBe(hit.match)
    expect(hit.match.toLowerCase()).toBe('микрозайм')

    const declared = await check({ kind: 'offer', channel: 'landing', advertised: 'finance', fields })
    expect(declared.body.sectors).toEqual({ declared: 'finance', inferred: ['finance'], mismatch: false })
    const inferred = await check({ kind: 'offer', channel: 'landing', fields })
    expect(inferred.body.sectors).toEqual({ declared: null, inferred: ['finance'], mismatch: false })
  })

  it('refuses an unknown channel or sector with a problem naming the field, and bad bodies', async () => {
    const channel = await check({ kind: 'offer', channel: 'billboard', fields: RU })
    expect(channel.status).toBe(400)
    expect(channel.body).toMatchObject({ code: 'bad_request', issues: [expect.objectContaining({ path: 'channel' })] })
    const sector = await check({ kind: 'offer', channel: 'landing', advertised: 'cosmetics', fields: RU })
    expect(sector.status).toBe(400)
    expect(sector.body).toMatchObject({ code: 'bad_request', issues: [expect.objectContaining({ path: 'advertised' })] })
    const kind = await check({ kind: 'poem', channel: 'landing', fields: RU })
    expect(kind.status).toBe(400)
    const big = await check({ kind: 'offer', channel: 'landing', fields: { offer: 'а'.repeat(400_001) } })
    expect(big.status).toBe(400)
    expect(big.body.issues[0].path).toBe('fields.offer')
  })

  it('is for writers', async () => {
    const res = await (await h.as('editor')).post('/api/briefs/risk-check', { kind: 'offer', channel: 'landing', fields: RU })
    expect(res.status).toBe(403)
    expect((await h.client().post('/api/briefs/risk-check', { kind: 'offer', channel: 'landing', fields: RU })).status).toBe(401)
  })
})
