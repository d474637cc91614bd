import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { OfferDraft } from '../contracts/runs'
import { OpenAiProvider } from '../server/llm/openai-provider'
import { LlmError } from '../server/llm/provider'
import { startFakeOpenAi, type FakeOpenAi } from './helpers/fake-openai'

const VALID: OfferDraft = {
  variants: [
    {
      forWhom: 'Clinics',
      task: 'Fewer no-shows',
      timeframe: '30 days',
      method: 'Reminders',
      difference: 'One-day setup',
      oneLiner: 'Fewer no-shows in 30 days',
      pitch: 'RemindCRM cuts no-shows.',
    },
  ],
  proofs: [{ claim: 'Proof needed: a case', status: 'needed' }],
  missing: [],
}

describe('OpenAI-compatible provider through the real openai SDK', () => {
  let fake: FakeOpenAi
  const provider = (over: Partial<ConstructorParameters<typeof OpenAiProvider>[0]> = {}) =>
    new OpenAiProvider({
      apiKey: 'test-key',
      baseURL: fake.baseURL,
      model: 'gpt-4o-mini',
      embeddingModel: 'text-embedding-3-small',
      timeoutMs: 2000,
      maxRetries: 2,
      ...over,
    })
  const request = { schema: OfferDraft, schemaName: 'OfferDraft', system: 'sys', user: 'usr', temperature: 0.3, offline: () => VALID }

  beforeAll(async () => {
    fake = await startFakeOpenAi()
  })
  afterAll(async () => fake.close())
  beforeEach(() => fake.reset())

  it('sends a strict json_schema and returns the parsed output with tokens, cost and latency', async () => {
    fake.push({ content: VALID, usage: { prompt_tokens: 1200, completion_tokens: 400 } })
    const r = await provider().generate(request)
    expect(r.output).toEqual(VALID)
    expect(r).toMatchObject({ engine: 'openai', model: 'gpt-4o-mini', tokensIn: 1200, tokensOut: 400, attempts: 1 })
    expect(r.costUsd).toBeCloseTo((1200 * 0.15 + 400 * 0.6) / 1e6, 10)
    expect(r.latencyMs).toBeGreaterThanOrEqual(0)
    const sent = fake.requests[0].body
    expect(sent.model).toBe('gpt-4o-mini')
    expect(sent.temperature).toBe(0.3)
    expect(sent.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user'])
    expect(sent.response_format.type).toBe('json_schema')
    expect(sent.response_format.json_schema).toMatchObject({ name: 'OfferDraft', strict: true })
    expect(sent.response_format.json_schema.schema.required).toEqual(['variants', 'proofs', 'missing'])
    expect(fake.requests[0].headers.authorization).toBe('Bearer test-key')
  })

  it('retries a 429 (honouring retry-after-ms) and succeeds', async () => {
    fake.push({ status: 429, headers: { 'retry-after-ms': '10' } }, { content: VALID })
    const r = await provider().generate(request)
    expect(r.attempts).toBe(2)
    expect(fake.requests).toHaveLength(2)
  })

  it('gives up on a persistent 500 after the retries, reporting every attempt', async () => {
    fake.setFallback({ status: 500, headers: { 'retry-after-ms': '5' } })
    const err = await provider({ maxRetries: 2 })
      .generate(request)
      .catch((e) => e)
    expect(err).toBeInstanceOf(LlmError)
    expect(err.failure).toBe('server_error')
    expect(err.message).toMatch(/HTTP 500/)
    expect(err.usage.attempts).toBe(3)
  })

  it('times out a model that does not answer', async () => {
    fake.setFallback({ delayMs: 1500, content: VALID })
    const err = await provider({ timeoutMs: 200, maxRetries: 1 })
      .generate(request)
      .catch((e) => e)
    expect(err).toBeInstanceOf(LlmError)
    expect(err.failure).toBe('timeout')
    expect(err.message).toMatch(/within 200 ms/)
    expect(err.usage.attempts).toBe(2)
  })

  it('sends an invalid reply back once with the validation error, and takes the corrected one', async () => {
    fake.push(
      { content: { variants: [], proofs: 'none' }, usage: { prompt_tokens: 900, completion_tokens: 30 } },
      { content: VALID, usage: { prompt_tokens: 1000, completion_tokens: 400 } },
    )
    const r = await provider().generate(request)
    expect(r.output).toEqual(VALID)
    expect(r).toMatchObject({ tokensIn: 1900, tokensOut: 430, attempts: 2 })
    const retry = fake.requests[1].body.messages
    expect(retry.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant', 'user'])
    expect(retry[2].content).toBe(JSON.stringify({ variants: [], proofs: 'none' }))
    expect(retry[3].content).toMatch(/not valid: .*variants.*proofs/)
    expect(fake.requests[1].body.response_format).toEqual(fake.requests[0].body.response_format)
  })

  it('fails a reply that is still invalid after the one retry, naming the field, with the tokens of both', async () => {
    fake.setFallback({ content: { variants: [], proofs: 'none' }, usage: { prompt_tokens: 900, completion_tokens: 30 } })
    const err = await provider()
      .generate(request)
      .catch((e) => e)
    expect(err).toBeInstanceOf(LlmError)
    expect(err.failure).toBe('invalid_output')
    expect(err.message).toMatch(/after one retry/)
    expect(err.message).toMatch(/variants/)
    expect(err.message).toMatch(/proofs/)
    expect(err.usage).toMatchObject({ tokensIn: 1800, tokensOut: 60, attempts: 2 })
    expect(fake.requests).toHaveLength(2)
  })

  it('checks refinements the JSON schema cannot say, and retries on them too', async () => {
    const longest = request.schema.superRefine((d, ctx) => {
      d.variants.forEach(
        (v, i) =>
          v.oneLiner.length > 30 &&
          ctx.addIssue({ code: 'custom', path: ['variants', i, 'oneLiner'], message: `${v.oneLiner.length} characters, at most 30` }),
      )
    })
    const long = { ...VALID, variants: [{ ...VALID.variants[0]!, oneLiner: 'A one-liner that is far too long' }] }
    fake.push({ content: long }, { content: VALID })
    const r = await provider().generate({ ...request, schema: longest })
    expect(r.output).toEqual(VALID)
    expect(fake.requests[1].body.messages[3].content).toMatch(/variants\.0\.oneLiner: 32 characters, at most 30/)
  })

  it('reports a reply that is not JSON, and a refusal', async () => {
    fake.push({ content: 'Sure! Here is your offer:' }, { content: 'Sure! Here it is again:' })
    expect(
      await provider()
        .generate(request)
        .catch((e) => e.message),
    ).toMatch(/not JSON/)
    fake.push({
      body: {
        id: 'x',
        object: 'chat.completion',
        created: 1,
        model: 'm',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: null, refusal: 'I cannot help with that' } }],
      },
    })
    const refused = await provider()
      .generate(request)
      .catch((e) => e)
    expect(refused.failure).toBe('refused')
  })

  it('does not retry a 400 (a bad request stays bad)', async () => {
    fake.setFallback({ status: 400 })
    const err = await provider()
      .generate(request)
      .catch((e) => e)
    expect(err.failure).toBe('bad_request')
    expect(err.usage.attempts).toBe(1)
  })

  it('embeds texts in order, in batches of 1,000, as floats, with tokens and the embeddings price', async () => {
    fake.setEmbedder((text) => [text.length, 1, 0])
    const texts = Array.from({ length: 2500 }, (_, i) => `keyword ${'x'.repeat(i % 7)}`)
    const r = await provider().embed(texts)
    expect(r.vectors).toHaveLength(2500)
    expect(Array.from(r.vectors[6]!)).toEqual([texts[6]!.length, 1, 0])
    expect(fake.embeddingRequests.map((b) => b.input.length)).toEqual([1000, 1000, 500])
    expect(fake.embeddingRequests[0]).toMatchObject({ model: 'text-embedding-3-small', encoding_format: 'float' })
    expect(r).toMatchObject({ engine: 'openai', model: 'text-embedding-3-small', tokensIn: 5000, tokensOut: 0, attempts: 3 })
    expect(r.costUsd).toBeCloseTo((5000 * 0.02) / 1e6, 10)
  })

  it('retries an embeddings 503, and fails a reply with a vector missing or of another length', async () => {
    fake.setEmbedder(() => [1, 2])
    fake.failEmbeddings(503)
    const ok = await provider().embed(['a', 'b'])
    expect(ok.attempts).toBe(2)
    let n = 0
    fake.setEmbedder(() => (n++ === 1 ? [1, 2, 3] : [1, 2]))
    const mixed = await provider()
      .embed(['a', 'b', 'c'])
      .catch((e) => e)
    expect(mixed).toBeInstanceOf(LlmError)
    expect(mixed.failure).toBe('invalid_output')
    expect(mixed.message).toMatch(/vector lengths/)
    fake.failEmbeddings(400)
    const refused = await provider()
      .embed(['a'])
      .catch((e) => e)
    expect(refused.failure).toBe('bad_request')
  })
})
