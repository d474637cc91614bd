import type { z } from 'zod'

/**
 * One HTTP operation as the OpenAPI document describes it (server/openapi.ts). Each routes file
 * exports its operations and its routes parse with the schemas named here, so the document and
 * the routes share one set of zod objects.
 */
export type Op = {
  method: 'get' | 'post' | 'put' | 'delete'
  path: string
  summary: string
  /** The zod schema the route parses its JSON body with. */
  body?: z.ZodType
  response?: z.ZodType
  status?: number
  auth?: boolean
  /** The zod objects the route parses its query string with: each property is a parameter. */
  query?: z.ZodObject | readonly z.ZodObject[]
  /** Path parameters that are not UUIDs: their schema. */
  pathParams?: Record<string, Record<string, unknown>>
}

/** An operation with its exact type kept: `jsonBody(c, OPS.create.body)` infers the parsed body. */
export const op = <const O extends Op>(o: O): O => o
