import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../server/config'
import { createProvider } from '../server/llm'
import { testTargets } from './helpers/databases'
import { startFakeOpenAi, type FakeOpenAi } from './helpers/fake-openai'
import { offerBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

// A customer interview pasted into a brief: names in several case forms, phones, a passport,
// an e-mail and an address. None of it may reach the model, the draft or the log.
const TRANSCRIPT = [
  'Интервьюер: Представьтесь, пожалуйста.',
  'Клиент: Меня зовут Кузнецова Марина Игоревна, я управляю студией йоги.',
  'Интервьюер: Марина Игоревна, как с вами связаться?',
  'Клиент: +7 (916) 208-55-41 или marina.k@yandex.ru. Паспорт для договора: 4510 123456.',
  'Интервьюер: Куда отправить образцы?',
  'Клиент: г. Казань, ул. Спартаковская, д. 2, кв. 14. Передайте Кузнецовой Марине, что всё получила.',
  'Clients such as John Smith (+44 20 7946 0958) booked twice a week.',
].join('\n')
const VALUES = ['Кузнецов', 'Марин', '208-55-41', 'marina.k@yandex.ru', '4510 123456', 'Спартаковская', 'John Smith', '7946 0958']

const OFFER = {
  variants: [{ forWhom: 'Studio owners', task: 'Fill classes', timeframe: 'first month', method: 'Booking page', difference: 'Afternoon setup', oneLiner: 'StudioDesk fills evening classes', pitch: 'StudioDesk fills your evening classes.' }],
  proofs: [],
  missing: [],
}

describe.each(targets)('personal data in briefs on $name', (target) => {
  let fake: FakeOpenAi
  let h: Harness
  beforeAll(async () => {
    fake = await startFakeOpenAi()
    const config = loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseURL, COPYDESK_LLM_MAX_RETRIES: '0' })
    h = await makeHarness(target, { provider: createProvider(config.llm, {}) })
  })
  afterAll(async () => {
    await h?.close()
    await fake?.close()
  })
  beforeEach(() => fake.reset())

  it('an interview transcript goes through drafting without a single value reaching the model, the draft or the log', async () => {
    fake.setFallback({ content: OFFER })
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer, offerBrief({ inputs: { product: 'StudioDesk', proofs: [TRANSCRIPT] } }))
    expect(run.status).toBe('awaiting_review')
    const sent = JSON.stringify(fake.requests.map((r) => r.body))
    for (const v of VALUES) expect([v, sent.includes(v)]).toEqual([v, false])
    // the same person in another case form is the same placeholder
    expect(sent).toContain('[PERSON_1]')
    expect(sent).not.toContain('[PERSON_3]')
    for (const t of ['PHONE_1', 'PHONE_2', 'EMAIL_1', 'PASSPORT_RU_1', 'ADDRESS_1']) expect(sent).toContain(`[${t}]`)

    const [draft] = await h.sql`select content::text as content, text from drafts where run_id = ${runId}`
    const log = (await h.sql`select data::text as data from audit_log where run_id = ${runId}`).map((r) => r.data).join('\n')
    for (const v of VALUES) {
      expect([v, draft!.text.includes(v) || draft!.content.includes(v)]).toEqual([v, false])
      expect([v, log.includes(v)]).toEqual([v, false])
    }
    const [redacted] = await h.sql`select data from audit_log where run_id = ${runId} and action = 'pii.redacted'`
    expect(redacted!.data.counts).toMatchObject({ PERSON: 4, PHONE: 2, EMAIL: 1, PASSPORT_RU: 1, ADDRESS: 1 })
  })
})
