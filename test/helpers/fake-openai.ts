import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Scripted = {
  status?: number
  /** The JSON object the "model" answers with (sent as message.content); or a raw string. */
  content?: unknown
  body?: unknown
  headers?: Record<string, string>
  /** Hold the answer this long (to trigger client timeouts). */
  delayMs?: number
  usage?: { prompt_tokens: number; completion_tokens: number }
}

/** The fake's embedding of one text: a vector the test chooses (for example, a topic's direction). */
export type FakeEmbedder = (text: string) => number[]

/**
 * A local OpenAI-compatible endpoint (POST /v1/chat/completions from a script, POST /v1/embeddings
 * from an embedder function), so the real `openai` SDK is exercised end to end: HTTP, retries,
 * timeouts, parsing. No module mocks.
 */
export async function startFakeOpenAi() {
  const script: Scripted[] = []
  // The risk reviewer's calls (schema RiskReview) have their own queue, so a test of drafting
  // scripts its drafts whether or not the policy's model reviewer also runs. Unscripted, the
  // reviewer finds nothing.
  const reviewScript: Scripted[] = []
  const NO_FINDINGS: Scripted = { content: { findings: [] }, usage: { prompt_tokens: 200, completion_tokens: 5 } }
  const requests: any[] = []
  const embeddingRequests: any[] = []
  const embeddingFailures: number[] = []
  let embedder: FakeEmbedder | undefined
  let fallback: Scripted | undefined
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      if (req.method === 'POST' && req.url?.endsWith('/embeddings')) {
        answerEmbeddings(JSON.parse(raw), res)
        return
      }
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end()
        return
      }
      const body = JSON.parse(raw)
      requests.push({ body, headers: req.headers })
      const isReview = body.response_format?.json_schema?.name === 'RiskReview'
      const step = isReview ? (reviewScript.shift() ?? NO_FINDINGS) : (script.shift() ?? fallback)
      if (!step) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'script exhausted' } }))
        return
      }
      const send = () => {
        if (res.destroyed) return
        const status = step.status ?? 200
        const payload =
          step.body ??
          (status === 200
            ? {
                id: 'chatcmpl-test',
                object: 'chat.completion',
                created: 1_700_000_000,
                model: body.model,
                choices: [
                  {
                    index: 0,
                    finish_reason: 'stop',
                    message: {
                      role: 'assistant',
                      content: typeof step.content === 'string' ? step.content : JSON.stringify(step.content),
                      refusal: null,
                    },
                  },
                ],
                usage: { ...(step.usage ?? { prompt_tokens: 1000, completion_tokens: 500 }), total_tokens: 0 },
              }
            : { error: { message: `scripted ${status}`, type: 'server_error' } })
        res.writeHead(status, { 'content-type': 'application/json', ...step.headers }).end(JSON.stringify(payload))
      }
      if (step.delayMs) setTimeout(send, step.delayMs)
      else send()
    })
  })
  function answerEmbeddings(body: { model: string; input: string[]; encoding_format?: string }, res: http.ServerResponse) {
    embeddingRequests.push(body)
    const failure = embeddingFailures.shift()
    const json = (status: number, payload: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload))
    if (failure) return json(failure, { error: { message: `scripted ${failure}`, type: 'server_error' } })
    if (!embedder) return json(404, { error: { message: 'no embedder set in the test' } })
    const data = body.input.map((text, index) => ({ object: 'embedding', index, embedding: embedder!(text) }))
    // one "token" per word, as a stand-in for the tokenizer
    const tokens = body.input.reduce((n, t) => n + t.split(/\s+/).length, 0)
    json(200, { object: 'list', model: body.model, data, usage: { prompt_tokens: tokens, total_tokens: tokens } })
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    /** Queue the next answers, in order. */
    push: (...steps: Scripted[]) => script.push(...steps),
    /** Queue the risk reviewer's next answers (requests with the RiskReview schema), in order. */
    pushReview: (...steps: Scripted[]) => reviewScript.push(...steps),
    /** The drafting requests only (not the risk reviewer's). */
    get draftRequests() {
      return requests.filter((r) => r.body.response_format?.json_schema?.name !== 'RiskReview')
    },
    /** What to answer once the queue is empty. */
    setFallback: (s: Scripted | undefined) => (fallback = s),
    embeddingRequests,
    /** How POST /embeddings turns each input text into a vector. */
    setEmbedder: (e: FakeEmbedder | undefined) => (embedder = e),
    /** Answer the next embeddings requests with these HTTP error statuses. */
    failEmbeddings: (...statuses: number[]) => embeddingFailures.push(...statuses),
    reset() {
      script.length = 0
      reviewScript.length = 0
      requests.length = 0
      embeddingRequests.length = 0
      embeddingFailures.length = 0
      embedder = undefined
      fallback = undefined
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}
export type FakeOpenAi = Awaited<ReturnType<typeof startFakeOpenAi>>
