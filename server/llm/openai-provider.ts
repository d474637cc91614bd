import OpenAI from 'openai'
import { z } from 'zod'
import { costUsd, type PriceOverride } from './prices'
import {
  LlmError,
  type EmbedResult,
  type GenerateRequest,
  type GenerateResult,
  type LlmFailure,
  type LlmProvider,
  type Usage,
} from './provider'

/** Texts per embeddings request (the API takes up to 2,048). */
const EMBED_BATCH = 1000
const EmbeddingReply = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()).min(1) })),
  usage: z.object({ prompt_tokens: z.number() }).partial().optional(),
})

export type OpenAiOptions = {
  apiKey: string
  baseURL?: string
  model: string
  /** The embeddings endpoint's model (COPYDESK_EMBEDDING_MODEL). */
  embeddingModel: string
  timeoutMs: number
  maxRetries: number
  price?: PriceOverride
}

/**
 * Any OpenAI-compatible chat completions endpoint, with json_schema structured output. Retries
 * with backoff on 429, 5xx, timeouts and dropped connections are the SDK's own (it honours
 * Retry-After); we count the attempts through its fetch hook for the audit log.
 */
export class OpenAiProvider implements LlmProvider {
  readonly engine = 'openai' as const
  readonly model: string

  constructor(private readonly opts: OpenAiOptions) {
    this.model = opts.model
  }

  /** A client that counts its HTTP attempts (the SDK's own retries included), and the usage so far. */
  private session(model: string, price: PriceOverride) {
    let attempts = 0
    const client = new OpenAI({
      apiKey: this.opts.apiKey,
      baseURL: this.opts.baseURL,
      timeout: this.opts.timeoutMs,
      maxRetries: this.opts.maxRetries,
      fetch: (url, init) => {
        attempts++
        return fetch(url, init)
      },
    })
    const t0 = performance.now()
    const usage = (tokensIn = 0, tokensOut = 0): Usage => ({
      engine: this.engine,
      model,
      tokensIn,
      tokensOut,
      costUsd: costUsd(model, tokensIn, tokensOut, price),
      latencyMs: Math.round(performance.now() - t0),
      attempts,
    })
    return { client, usage }
  }

  /** Embeddings in batches, as floats (every compatible server speaks that, not all speak base64). */
  async embed(texts: string[]): Promise<EmbedResult> {
    const model = this.opts.embeddingModel
    const { client, usage } = this.session(model, undefined)
    const vectors: Float32Array[] = []
    let tokens = 0
    for (let at = 0; at < texts.length; at += EMBED_BATCH) {
      const batch = texts.slice(at, at + EMBED_BATCH)
      let reply: unknown
      try {
        reply = await client.embeddings.create({ model, input: batch, encoding_format: 'float' })
      } catch (err) {
        const [failure, message] = describe(err, this.opts.timeoutMs)
        throw new LlmError(failure, message, usage(tokens))
      }
      const parsed = EmbeddingReply.safeParse(reply)
      const fail = (reason: string) => new LlmError('invalid_output', `the embeddings reply ${reason}`, usage(tokens))
      if (!parsed.success) throw fail(`is not a list of vectors: ${parsed.error.issues[0]?.message}`)
      tokens += parsed.data.usage?.prompt_tokens ?? 0
      const rows = [...parsed.data.data].sort((a, b) => a.index - b.index)
      if (rows.length !== batch.length || rows.some((r, i) => r.index !== i))
        throw fail(`has ${rows.length} vectors for ${batch.length} texts`)
      const dims = vectors[0]?.length ?? rows[0]!.embedding.length
      if (rows.some((r) => r.embedding.length !== dims)) throw fail(`mixes vector lengths (expected ${dims})`)
      for (const r of rows) vectors.push(Float32Array.from(r.embedding))
    }
    return { ...usage(tokens), vectors }
  }

  async generate<T>(req: GenerateRequest<T>): Promise<GenerateResult<T>> {
    const { client, usage } = this.session(this.model, this.opts.price)

    const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
      { role: 'system', content: req.system },
      { role: 'user', content: req.user },
    ]
    const spent = { tokensIn: 0, tokensOut: 0 }
    // An invalid reply is sent back once with the validation error; a second one fails the call.
    for (let round = 1; ; round++) {
      let completion: OpenAI.Chat.Completions.ChatCompletion
      try {
        completion = await client.chat.completions.create({
          model: this.model,
          temperature: req.temperature,
          messages,
          response_format: {
            type: 'json_schema',
            json_schema: { name: req.schemaName, schema: jsonSchemaOf(req.schema), strict: true },
          },
        })
      } catch (err) {
        const [failure, message] = describe(err, this.opts.timeoutMs)
        throw new LlmError(failure, message, usage(spent.tokensIn, spent.tokensOut))
      }
      spent.tokensIn += completion.usage?.prompt_tokens ?? 0
      spent.tokensOut += completion.usage?.completion_tokens ?? 0
      const message = completion.choices[0]?.message
      if (message?.refusal) throw new LlmError('refused', `the model refused: ${message.refusal}`, usage(spent.tokensIn, spent.tokensOut))
      const output = parseReply(message?.content, req.schema)
      if (output.ok) return { ...usage(spent.tokensIn, spent.tokensOut), output: output.value }
      if (round === 2) {
        const reason = `the model's reply does not match ${req.schemaName}, also after one retry with the validation error: ${output.reason}`
        throw new LlmError('invalid_output', reason, usage(spent.tokensIn, spent.tokensOut))
      }
      messages.push(
        { role: 'assistant', content: message?.content ?? '' },
        { role: 'user', content: `Your reply is not valid: ${output.reason}. Reply again with the whole corrected JSON object.` },
      )
    }
  }
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' })
  return rest
}

function parseReply<T>(content: string | null | undefined, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; reason: string } {
  if (!content) return { ok: false, reason: 'the reply is empty' }
  let json: unknown
  try {
    json = JSON.parse(content)
  } catch {
    return { ok: false, reason: 'the reply is not JSON' }
  }
  const parsed = schema.safeParse(json)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issues = parsed.error.issues.slice(0, 8).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
  return { ok: false, reason: issues.join('; ') }
}

function describe(err: unknown, timeoutMs: number): [LlmFailure, string] {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return ['timeout', `the model did not answer within ${timeoutMs} ms`]
  if (err instanceof OpenAI.APIConnectionError) return ['connection', `could not reach the model endpoint: ${err.message}`]
  if (err instanceof OpenAI.RateLimitError) return ['rate_limited', 'the model endpoint kept answering 429 (rate limited)']
  if (err instanceof OpenAI.APIError) {
    const status = err.status ?? 0
    if (status >= 500) return ['server_error', `the model endpoint failed with HTTP ${status}`]
    return ['bad_request', `the model endpoint refused the request: HTTP ${status} ${err.message}`]
  }
  return ['connection', err instanceof Error ? err.message : String(err)]
}
