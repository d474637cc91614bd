import { describe, expect, it } from 'vitest'
import { testTargets } from './helpers/databases'
import { offerBrief, modelOfferReply } from './helpers/fixtures'
import { modelHarnessPerSuite } from './helpers/harness'

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

describe.each(targets)('personal data in briefs on $name', (target) => {
  const s = modelHarnessPerSuite(target)

  it('an interview transcript goes through drafting without a single value reaching the model, the draft or the log', async () => {
    s.fake.setFallback({ content: modelOfferReply() })
    const writer = await s.h.as('writer')
    const { runId, run } = await s.h.runToGate(writer, offerBrief({ inputs: { product: 'StudioDesk', proofs: [TRANSCRIPT] } }))
    expect(run.status).toBe('awaiting_review')
    const sent = JSON.stringify(s.fake.requests.map((r) => r.body))
    for (const v of VALUES) expect([v, sent.includes(v)]).toEqual([v, false])
    // the same person in another case form is the same placeholder
    expect(sent).toContain('[PERSON_1]')
    expect(sent).not.toContain('[PERSON_3]')
    for (const t of ['PHONE_1', 'PHONE_2', 'EMAIL_1', 'PASSPORT_RU_1', 'ADDRESS_1']) expect(sent).toContain(`[${t}]`)

    const [draft] = await s.h.sql`select content::text as content, text from drafts where run_id = ${runId}`
    const log = (await s.h.sql`select data::text as data from audit_log where run_id = ${runId}`).map((r) => r.data).join('\n')
    for (const v of VALUES) {
      expect([v, draft!.text.includes(v) || draft!.content.includes(v)]).toEqual([v, false])
      expect([v, log.includes(v)]).toEqual([v, false])
    }
    const [redacted] = await s.h.sql`select data from audit_log where run_id = ${runId} and action = 'pii.redacted'`
    expect(redacted!.data.counts).toMatchObject({ PERSON: 4, PHONE: 2, EMAIL: 1, PASSPORT_RU: 1, ADDRESS: 1 })
  })

  it('the writer checks a brief before submitting and dismisses a false positive with a reason; checksummed ids stay', async () => {
    const writer = await s.h.as('writer')
    const fields = {
      audience: 'Fans of Rosa Marlow, our cartoon mascot',
      'inputs.proofs.0': 'Owner ИНН 500100732259, call +7 916 208-55-41',
    }
    const check = await writer.post('/api/briefs/pii-check', { fields })
    expect(check.status).toBe(200)
    expect(check.body.mode).toBe('redact')
    const found = check.body.findings.map((f: { path: string; type: string; text: string; dismissible: boolean }) => [
      f.path,
      f.type,
      f.text,
      f.dismissible,
    ])
    expect(found).toEqual([
      ['audience', 'PERSON', 'Rosa Marlow', true],
      ['inputs.proofs.0', 'INN', '500100732259', false],
      ['inputs.proofs.0', 'PHONE', '+7 916 208-55-41', true],
    ])
    expect((await (await s.h.as('editor')).post('/api/briefs/pii-check', { fields })).status).toBe(403)

    const mascot = check.body.findings[0]
    const inn = check.body.findings[1]
    const brief = offerBrief({ audience: fields.audience, inputs: { product: 'StudioDesk', proofs: [fields['inputs.proofs.0']] } })
    const dismiss = (f: typeof mascot, reason: string) => ({ path: f.path, start: f.start, end: f.end, type: f.type, reason })

    // a checksummed id, a finding that is not there, or no reason: 400 naming the dismissal
    let r = await writer.post('/api/briefs', { ...brief, piiDismissals: [dismiss(inn, 'test number')] })
    expect(r.status).toBe(400)
    expect(r.body.issues).toEqual([{ path: 'piiDismissals.0', message: expect.stringMatching(/valid checksum/) }])
    r = await writer.post('/api/briefs', { ...brief, piiDismissals: [{ ...dismiss(mascot, 'mascot'), start: 0 }] })
    expect(r.body.issues[0].path).toBe('piiDismissals.0')
    r = await writer.post('/api/briefs', { ...brief, piiDismissals: [dismiss(mascot, '')] })
    expect(r.body.issues[0].path).toBe('piiDismissals.0.reason')

    s.fake.setFallback({ content: modelOfferReply() })
    r = await writer.post('/api/briefs', { ...brief, piiDismissals: [dismiss(mascot, 'A cartoon mascot, not a person')] })
    expect(r.status).toBe(201)
    expect((await writer.get(`/api/briefs/${r.body.id}`)).body.piiDismissals).toEqual([dismiss(mascot, 'A cartoon mascot, not a person')])
    const run = await writer.post(`/api/briefs/${r.body.id}/runs`)
    await s.h.worker.drain()
    const sent = JSON.stringify(s.fake.draftRequests.at(-1).body)
    expect(sent).toContain('Rosa Marlow') // dismissed: left as written
    expect(sent).not.toContain('500100732259')
    expect(sent).not.toContain('208-55-41')
    const rows = await s.h
      .sql`select action, data from audit_log where data->>'briefId' = ${r.body.id} or run_id = ${run.body.id} order by seq`
    const dismissed = rows.find((x) => x.action === 'pii.dismissed')
    expect(dismissed!.data).toMatchObject({
      count: 1,
      items: [{ path: 'audience', type: 'PERSON', reason: 'A cartoon mascot, not a person' }],
    })
    expect(JSON.stringify(dismissed!.data)).not.toContain('Rosa Marlow')
    expect(rows.find((x) => x.action === 'pii.redacted')!.data).toMatchObject({ counts: { INN: 1, PHONE: 1 }, dismissed: 1 })
  })

  it('a dismissed false positive the draft repeats does not block the gates', async () => {
    const writer = await s.h.as('writer')
    const fields = { 'inputs.differentiator': 'set up from the router page at 192.168.0.1' }
    const [ip] = (await writer.post('/api/briefs/pii-check', { fields })).body.findings
    expect(ip).toMatchObject({ type: 'IP', text: '192.168.0.1', dismissible: true })
    const brief = offerBrief({ inputs: { product: 'StudioDesk', differentiator: fields['inputs.differentiator'] } })
    const b = await writer.post('/api/briefs', {
      ...brief,
      piiDismissals: [
        { path: ip.path, start: ip.start, end: ip.end, type: 'IP', reason: 'The default address of every router we sell, not a person' },
      ],
    })
    expect(b.status).toBe(201)
    s.fake.setFallback({
      content: modelOfferReply({ pitch: 'Set StudioDesk up from the router page at 192.168.0.1.' }),
    })
    await writer.post(`/api/briefs/${b.body.id}/runs`)
    await s.h.worker.drain()
    const runId = (await writer.get(`/api/briefs/${b.body.id}`)).body.runs[0].id
    const run = (await writer.get(`/api/runs/${runId}`)).body
    expect(run.draft.text).toContain('192.168.0.1')
    expect(run.draft.piiFindings).toBe(0)
    expect(run.draft.categories).not.toContain('personal_data')
    expect(run.gates.map((g: { gate: string }) => g.gate)).toEqual(['release'])
  })
})
