import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Every failure the API can answer with; one place maps a code to its HTTP status. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'too_many_requests'
  | 'internal'
  | 'unavailable'

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
}

/** A field that failed validation: where, in English, and zod's issue code and its values (for translation). */
export type Issue = { path: string; message: string; code?: string; params?: Record<string, string | number> }

/** A refusal's stable reason and the values its sentence names (server/refusals.ts). */
export type Refusal = { reason: string; params: Record<string, string | number> }

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
    readonly refusal?: Refusal,
  ) {
    super(message)
    this.name = 'AppError'
  }
  get status(): ContentfulStatusCode {
    return STATUS[this.code]
  }
}

// A refusal for a reason of the domain is made with refuse() (server/refusals.ts), which gives it its reason and params.
