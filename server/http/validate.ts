import type { Context } from 'hono'
import type { z } from 'zod'
import { AppError } from '../errors'

// A brief may carry a 10,000-keyword export with its top-10 URLs (about 5-10 MB of CSV).
const MAX_BODY_BYTES = 16 * 1024 * 1024

/** Parses a JSON body with a zod schema; a bad body is a 400 naming every bad field. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const length = Number(c.req.header('content-length') ?? 0)
  if (length > MAX_BODY_BYTES) throw new AppError('payload_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`)
  if (!(c.req.header('content-type') ?? '').includes('application/json')) {
    throw new AppError('bad_request', 'send the body as JSON (Content-Type: application/json)')
  }
  let raw: unknown
  try {
    raw = await c.req.json()
  } catch {
    throw new AppError('bad_request', 'the body is not valid JSON')
  }
  return parseOr400(schema, raw, 'the request')
}

export function parseOr400<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
  const first = issues[0]
  throw new AppError('bad_request', `${what} is invalid: ${first ? `${first.path || '(body)'}: ${first.message}` : 'unknown error'}`, issues)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An id in the path that is not a UUID cannot name anything: 404, not a database error. */
export function idParam(c: Context, name: string, what: string): string {
  const id = c.req.param(name) ?? ''
  if (!UUID.test(id)) throw new AppError('not_found', `${what} not found`)
  return id.toLowerCase()
}
