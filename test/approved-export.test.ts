// GET /api/runs/:id/export: an approved run's frozen text with the proof of its approval, as the
// hand-off payload (json), Markdown or HTML; never before approval; every export on record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApprovedContent } from '../contracts/runs'
import type { Client } from './helpers/client'
import { testTargets } from './helpers/databases'
import { startFakeOpenAi, type FakeOpenAi } from './helpers/fake-openai'
import { headlinesBrief, modelOfferReply, offerBrief } from './helpers/fixtures'
import { makeHarness, makeModelHarness, type Harness } from './helpers/harness'
import { policyVariant } from './helpers/policy-copy'

const targets = await testTargets()

describe.each(targets)('exporting approved copy on $name', (target) => {
  let h: Harness
  let writer: Client
  let runId: string
  beforeAll(async () => {
    h = await makeHarness(target)
    writer = await h.as('writer')
    // a title with markup: it must arrive in HTML as text, never as tags
    ;({ runId } = await h.runToGate(writer, headlinesBrief({ title: 'Спring <b>sale</b> & "more"' })))
  })
  afterAll(() => h?.close())

  it('refuses before approval (409), and answers once the last gate passed', async () => {
    const early = await writer.get(`/api/runs/${runId}/export`)
    expect(early.status).toBe(409)
    expect(early.body.message).toMatch(/only an approved text is exported/)
    await h.approveAll(runId)
    expect((await writer.get(`/api/runs/${runId}/export`)).status).toBe(200)
  })

  it('json: the frozen final text with engine, model, prompt, policy and every gate with who and when', async () => {
    const r = await writer.get(`/api/runs/${runId}/export?format=json`)
    const body = ApprovedContent.parse(r.body)
    const run = (await writer.get(`/api/runs/${runId}`)).body
    const [final] = await h.sql`select final_text, approved_at from runs where id = ${runId}`
    expect(body).toMatchObject({
      id: `content.approved:${runId}`,
      event: 'content.approved',
      runId,
      kind: 'headlines',
      text: final!.final_text,
    })
    expect(Date.parse(body.approvedAt)).toBe(new Date(final!.approved_at).getTime())
    expect(body.provenance).toMatchObject({ engine: 'offline', policyVersion: run.policyVersion, aiAssisted: false, humanReviewed: true })
    expect(body.label).toBeNull() // the built-in engine is not AI: no AI label, whatever the channel
    expect(body.provenance.promptVersion).toBe(`${run.draft.promptId}@${run.draft.promptVersion}`)
    const passed = run.gates.filter((g: { status: string }) => g.status === 'passed')
    expect(body.provenance.gates.map((g) => g.gate)).toEqual(passed.map((g: { gate: string }) => g.gate))
    expect(body.provenance.gates.every((g) => g.decision === 'pass' && /@copydesk\.local$/.test(g.decidedBy) && g.decidedAt)).toBe(true)
    expect(body.provenance.gates.map((g) => g.gate)).toContain('release')
  })

  it('md and html carry the text and its provenance; html escapes whatever the brief said', async () => {
    const md = await writer.get(`/api/runs/${runId}/export?format=md`)
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/)
    expect(md.headers.get('content-disposition')).toBe(`attachment; filename="copydesk-${runId}.md"`)
    const { text } = (await writer.get(`/api/runs/${runId}/export`)).body
    expect(md.body).toContain(text)
    expect(md.body).toMatch(/Drafted by the built-in engine|Черновик написан встроенным генератором/)
    const html = await writer.get(`/api/runs/${runId}/export?format=html`)
    expect(html.headers.get('content-type')).toMatch(/^text\/html/)
    expect(html.body).toContain('<h1>Спring &lt;b&gt;sale&lt;/b&gt; &amp; &quot;more&quot;</h1>')
    expect(html.body).not.toContain('<b>sale</b>')
    expect((await writer.get(`/api/runs/${runId}/export?format=pdf`)).status).toBe(400)
  })

  it('with no hand-off destination configured the approval still keeps its event, and queues no delivery', async () => {
    const events = await h.sql`select id from events where run_id = ${runId} and type = 'content.approved'`
    expect(events.map((e) => e.id)).toEqual([`content.approved:${runId}`])
    const [deliveries] = await h.sql`select count(*)::int as n from jobs where run_id = ${runId} and type = 'deliver'`
    expect(deliveries!.n).toBe(0)
  })

  it('every export is in the audit log with its format', async () => {
    const rows = await h.sql`select actor_id, data from audit_log where run_id = ${runId} and action = 'run.exported' order by seq`
    expect(rows.map((r) => (r.data as { format: string }).format)).toEqual(expect.arrayContaining(['json', 'md', 'html']))
  })
})

describe.each(targets)('the AI label that travels with approved copy on $name', (target) => {
  let fake: FakeOpenAi
  let h: Harness
  let variant: ReturnType<typeof policyVariant>
  beforeAll(async () => {
    fake = await startFakeOpenAi()
    fake.setFallback({ content: modelOfferReply(), usage: { prompt_tokens: 100, completion_tokens: 50 } })
    // the policy asks landing pages (not e-mails) to show a label on AI-assisted copy; no model reviewer
    variant = policyVariant(
      (y) =>
        `${y.replace('llm_classifier:\n  enabled: true', 'llm_classifier:\n  enabled: false')}\nai_label:\n  channels: [landing]\n  text:\n    ru: Текст подготовлен с помощью ИИ и проверен редакцией\n    en: Written with AI assistance and reviewed by our editors\n`,
    )
    h = await makeModelHarness(target, fake, { policiesDir: variant.dir })
  })
  afterAll(async () => {
    await h?.close()
    await fake?.close()
    variant?.dispose()
  })

  it("a model's copy for a labelled channel carries the label in its language, in the payload and both files", async () => {
    const writer = await h.as('writer')
    const { runId } = await h.runToGate(writer, offerBrief({ title: 'Labelled landing', channel: 'landing', lang: 'en' }))
    await h.approveAll(runId)
    const body = ApprovedContent.parse((await writer.get(`/api/runs/${runId}/export`)).body)
    expect(body.provenance).toMatchObject({ engine: 'openai', aiAssisted: true, humanReviewed: true })
    expect(body.label).toBe('Written with AI assistance and reviewed by our editors')
    const md = (await writer.get(`/api/runs/${runId}/export?format=md`)).body as string
    expect(md).toContain(`${body.text}\n\n*Written with AI assistance and reviewed by our editors*\n\n---`)
    expect((await writer.get(`/api/runs/${runId}/export?format=html`)).body).toContain(
      '<p class="ai-label">Written with AI assistance and reviewed by our editors</p>',
    )
  })

  it('the same copy for a channel the policy does not name carries no label, but still says a model wrote it', async () => {
    const writer = await h.as('writer')
    const { runId } = await h.runToGate(writer, offerBrief({ title: 'E-mail offer', channel: 'email', lang: 'en' }))
    await h.approveAll(runId)
    const body = ApprovedContent.parse((await writer.get(`/api/runs/${runId}/export`)).body)
    expect(body).toMatchObject({ label: null, provenance: { aiAssisted: true } })
  })
})
