import type { Context } from 'hono'
import type { z } from 'zod'
import { AppError, type Issue } from '../errors'
import { type Missing, refuse } from '../refusals'
import { unstorableText } from './clean-text'

/**
 * Parses a JSON body with a zod schema; a bad body is a 400 naming every bad field. The size
 * cap is bodyCap's (server/http/body-cap.ts), applied to every request before it gets here.
 */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type')
  if (!isJsonMediaType(type)) {
    throw type ? refuse('request.not_json', { type }) : refuse('request.no_content_type')
  }
  let raw: unknown
  try {
    raw = await c.req.json()
  } catch (err) {
    if (err instanceof AppError) throw err // the body cap stopped the read: 413
    throw refuse('request.invalid_json')
  }
  const issues = unstorableText(raw)
  const first = issues[0]
  if (first) throw new AppError('bad_request', `the request is invalid: ${first.path || '(body)'}: ${first.message}`, issues)
  return parseOr400(schema, raw, 'the request')
}

/**
 * `application/json`, optionally with `charset=utf-8`, parsed as a media type: a substring
 * test would let `application/json-evil` or `text/plain; x=application/json` through.
 */
export function isJsonMediaType(header: string | undefined): boolean {
  if (!header) return false
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase())
  if (type !== 'application/json') return false
  return params.every((p) => p === '' || /^charset\s*=\s*(utf-8|"utf-8")$/.test(p))
}

/** The values of a zod issue a translation names (a length, a type, a format), as plain strings and numbers. */
const ISSUE_PARAMS = ['minimum', 'maximum', 'expected', 'origin', 'format'] as const

/** A zod issue as the API reports it: where, in English, and its code and values for the web to translate. */
export function issueOf(i: z.core.$ZodIssue): Issue {
  const params: Record<string, string | number> = {}
  for (const k of ISSUE_PARAMS) {
    const v = (i as unknown as Record<string, unknown>)[k]
    if (typeof v === 'string' || typeof v === 'number') params[k] = v
    else if (typeof v === 'bigint') params[k] = Number(v)
  }
  return { path: i.path.map(String).join('.'), message: i.message, code: i.code, params }
}

export function parseOr400<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map(issueOf)
  const first = issues[0]
  throw new AppError(
    'bad_request',
    `${what} is invalid: ${first ? `${first.path || '(body)'}: ${first.message}` : 'unknown error'}`,
    issues,
  )
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An id in the path that is not a UUID cannot name anything: 404, not a database error. */
export function idParam(c: Context, name: string, what: Missing): string {
  const id = c.req.param(name) ?? ''
  if (!UUID.test(id)) throw refuse(`not_found.${what}`)
  return id.toLowerCase()
}
