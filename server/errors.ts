import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Every failure the API can answer with; one place maps a code to its HTTP status. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'internal'

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  internal: 500,
}

export type Issue = { path: string; message: string }

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message)
    this.name = 'AppError'
  }
  get status(): ContentfulStatusCode {
    return STATUS[this.code]
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`)
export const forbidden = (why: string) => new AppError('forbidden', why)
export const conflict = (why: string) => new AppError('conflict', why)
