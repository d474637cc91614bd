import type { z } from 'zod'
import { Problem } from '../../../contracts/problem'

export type ApiIssue = { path: string; message: string; code?: string; params?: Record<string, string | number> }

/** Every failed API call surfaces as this; `status` 0 means the request never got an answer. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly issues: ApiIssue[]
  readonly requestId: string | undefined
  /** A refusal's stable reason and the values its sentence names (server/refusals.ts): what the UI translates. */
  readonly reason: string | undefined
  readonly params: Record<string, string | number>

  constructor(
    status: number,
    code: string,
    message: string,
    issues: ApiIssue[] = [],
    requestId?: string,
    refusal?: { reason?: string; params?: Record<string, string | number> },
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.issues = issues
    this.requestId = requestId
    this.reason = refusal?.reason
    this.params = refusal?.params ?? {}
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError

/** `body`: sent as JSON, or as raw bytes when it is a Blob (an uploaded file). */
export type FetchJsonInit = Omit<RequestInit, 'body'> & { body?: unknown }

function parseText(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Calls the API with JSON in and out. Success bodies are parsed with `schema` (never cast);
 * error bodies are parsed as a Problem and thrown as an ApiError.
 */
export async function fetchJson<S extends z.ZodType>(url: string, schema: S, init: FetchJsonInit = {}): Promise<z.output<S>> {
  const { body, headers, ...rest } = init
  const finalHeaders = new Headers(headers)
  finalHeaders.set('Accept', 'application/json')
  const raw = body instanceof Blob
  if (body !== undefined) finalHeaders.set('Content-Type', raw ? 'application/octet-stream' : 'application/json')

  let res: Response
  try {
    res = await fetch(url, {
      ...rest,
      headers: finalHeaders,
      credentials: 'same-origin',
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(0, 'network', err instanceof Error ? err.message : 'network error')
  }

  const data = parseText(await res.text())

  if (!res.ok) {
    const problem = Problem.safeParse(data)
    if (problem.success) {
      const p = problem.data
      throw new ApiError(res.status, p.code, p.message, p.issues ?? [], p.requestId, { reason: p.reason, params: p.params })
    }
    throw new ApiError(res.status, `http_${res.status}`, res.statusText || `HTTP ${res.status}`)
  }

  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : ''
    throw new ApiError(res.status, 'invalid_response', `Unexpected answer from ${url}. ${where}`)
  }
  return parsed.data
}
