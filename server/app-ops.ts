import { z } from 'zod'
import { Me } from '../contracts/auth'
import { PolicyView } from '../contracts/policy'
import { op } from './http/op'

/** The operations server/app.ts serves itself, outside the feature routers. */
export const APP_OPS = {
  health: op({
    method: 'get',
    path: '/api/health',
    summary: 'Liveness and database check',
    response: z.object({ ok: z.boolean(), db: z.string(), engine: z.string() }),
    auth: false,
  }),
  openapi: op({
    method: 'get',
    path: '/api/openapi.json',
    summary:
      "This document: OpenAPI 3.1, built from the operations declared beside the routes; a request body's schema is the zod schema its route parses it with, a response's the zod schema its result is typed with",
    response: z.record(z.string(), z.unknown()),
    auth: false,
  }),
  me: op({ method: 'get', path: '/api/me', summary: 'The logged-in user', response: Me }),
  policy: op({ method: 'get', path: '/api/policy', summary: 'The active policy: gates, categories, rule packs', response: PolicyView }),
}
