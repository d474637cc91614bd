import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../server/config'
import { createProvider } from '../server/llm'
import { verifyAudit } from '../server/audit/verify'
import { testTargets } from './helpers/databases'
import { startFakeOpenAi, type FakeOpenAi } from './helpers/fake-openai'
import { makeHarness, type Harness } from './helpers/harness'
import { CLINIC_OFFER_REPLY } from './helpers/fixtures'

const targets = await testTargets()

describe.each(targets)('runs through an OpenAI-compatible model on $name', (target) => {
  let fake: FakeOpenAi
  let h: Harness
  beforeAll(async () => {
    fake = await startFakeOpenAi()
    // Configured exactly as a user would: the environment variables.
    const config = loadConfig({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: fake.baseURL,
      COPYDESK_MODEL: 'gpt-4.1-mini',
      COPYDESK_LLM_MAX_RETRIES: '1',
      COPYDESK_LLM_TIMEOUT_MS: '3000',
    })
    h = await makeHarness(target, { provider: createProvider(config.llm, {}) })
  })
  afterAll(async () => {
    await h?.close()
    await fake?.close()
  })
  beforeEach(() => fake.reset())

  it('drafts with the model, renders the rendered prompt, and audits tokens and cost', async () => {
    fake.push(
      { status: 429, headers: { 'retry-after-ms': '5' } },
      { content: CLINIC_OFFER_REPLY, usage: { prompt_tokens: 2000, completion_tokens: 600 } },
    )
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer)
    expect(run.status).toBe('awaiting_review')
    expect(run.draft).toMatchObject({ engine: 'openai', model: 'gpt-4.1-mini' })
    expect(run.draft.content).toEqual(CLINIC_OFFER_REPLY)
    const prompt = fake.draftRequests.at(-1).body.messages[1].content as string
    expect(prompt).toContain('Owners of small yoga studios')
    expect(prompt).toContain('set up in an afternoon, no IT staff needed')
    expect(prompt).not.toMatch(/\{\{\w+\}\}/)
    const [row] =
      await h.sql`select actor_id, data from audit_log where run_id = ${runId} and action = 'llm.call' and data ->> 'purpose' = 'draft'`
    expect(row!.data).toMatchObject({
      engine: 'openai',
      model: 'gpt-4.1-mini',
      tokensIn: 2000,
      tokensOut: 600,
      attempts: 2,
      outcome: 'ok',
      promptId: 'offer',
    })
    expect(row!.data.costUsd).toBeCloseTo((2000 * 0.4 + 600 * 1.6) / 1e6, 10)
    const [writerRow] = await h.sql`select id from users where email = 'writer@copydesk.local'`
    expect(row!.actor_id).toBe(writerRow!.id)
  })

  it('a reply that fails the schema fails the run with a clear reason and an audit row', async () => {
    fake.setFallback({ content: { variants: 'three', proofs: [] } })
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer)
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/invalid_output/)
    expect(run.error).toMatch(/variants/)
    expect(run.gates).toEqual([])
    const rows = await h.sql`select action, data from audit_log where run_id = ${runId} order by seq`
    expect(rows.map((r) => r.action)).toEqual(['run.start', 'llm.call', 'run.failed'])
    expect(rows[1]!.data).toMatchObject({ outcome: 'invalid_output', engine: 'openai', tokensIn: 2000, attempts: 2 })
    expect((await verifyAudit(h.sql)).ok).toBe(true)
  })

  it('a model that keeps failing (500) fails the run after the retries', async () => {
    fake.setFallback({ status: 503, headers: { 'retry-after-ms': '5' } })
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer)
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/HTTP 503/)
    const [row] = await h.sql`select data from audit_log where run_id = ${runId} and action = 'llm.call' and data ->> 'purpose' = 'draft'`
    expect(row!.data).toMatchObject({ outcome: 'server_error', attempts: 2 })
  })
})
