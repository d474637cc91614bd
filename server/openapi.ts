import { z } from 'zod'
import { Problem } from '../contracts/problem'
import { APP_OPS } from './app-ops'
import { AUTH_OPS } from './auth/routes'
import { COMMENT_OPS } from './comments/routes'
import { BRIEF_OPS } from './briefs/routes'
import { GATE_OPS } from './gates/routes'
import { HANDOFF_OPS, OUTBOX_OPS } from './handoff/routes'
import type { Op } from './http/op'
import { KB_OPS } from './kb/routes'
import { NOTIFY_OPS, UNSUBSCRIBE_OPS } from './notify/routes'
import { BRIEF_RUN_OPS, GATE_DECISION_OPS, RUN_OPS } from './runs/routes'
import { SEO_OPS } from './seo/routes'
import { USAGE_OPS } from './usage/routes'

/**
 * The HTTP contract (README, "HTTP API"): the operations each routes file declares beside its routes
 * (server/app-ops.ts for the few app.ts serves itself), in the order server/app.ts serves them.
 * A route parses its body and query with its operation's `body` and `query`, so the document's
 * request schemas are the ones the server validates with; the exceptions are the period filters
 * of /api/usage/budgets and /api/usage/log.csv, which parse the wider UsageFilter. Responses are
 * the zod schemas the routes' results are typed with; they are not checked at run time.
 */
export const OPS: readonly Op[] = [
  APP_OPS.health,
  APP_OPS.openapi,
  ...Object.values(AUTH_OPS),
  APP_OPS.me,
  APP_OPS.policy,
  ...Object.values(BRIEF_OPS),
  ...Object.values(BRIEF_RUN_OPS),
  ...Object.values(RUN_OPS),
  ...Object.values(COMMENT_OPS),
  ...Object.values(SEO_OPS),
  ...Object.values(USAGE_OPS),
  ...Object.values(GATE_DECISION_OPS),
  ...Object.values(GATE_OPS),
  ...Object.values(KB_OPS),
  ...Object.values(HANDOFF_OPS),
  ...Object.values(OUTBOX_OPS),
  ...Object.values(NOTIFY_OPS),
  ...Object.values(UNSUBSCRIBE_OPS),
]

/** `GET /api/runs/{id}/drafts` -> getRunsByIdDrafts: unique per method and path, stable for generated clients. */
export const operationId = (op: Pick<Op, 'method' | 'path'>) =>
  op.method +
  op.path
    .replace(/^\/api/, '')
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      const param = /^\{(\w+)\}$/.exec(seg)
      const words = (param ? `by-${param[1]}` : seg).split(/[^A-Za-z0-9]+/).filter(Boolean)
      return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')
    })
    .join('')

/** A query schema's properties as OpenAPI parameters: each with its own type, required when the route requires it. */
function queryParameters(s: z.ZodObject) {
  const js = ObjectSchema.parse(schema(s, 'input'))
  return Object.entries(js.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property
    return { name, in: 'query', required: js.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest }
  })
}

/** What the query parameters are read from: a JSON Schema object's properties and required list. */
const ObjectSchema = z.object({
  properties: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  required: z.array(z.string()).optional(),
})

const schema = (s: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' })
  return rest
}

export function openApiDocument() {
  const problem = { description: 'Problem', content: { 'application/problem+json': { schema: schema(Problem, 'output') } } }
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of OPS) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: op.pathParams?.[m[1]!] ?? { type: 'string', format: 'uuid' },
    }))
    const query = [op.query ?? []].flat().flatMap(queryParameters)
    paths[op.path] ??= {}
    paths[op.path]![op.method] = {
      operationId: operationId(op),
      summary: op.summary,
      ...(op.auth === false ? { security: [] } : {}),
      ...(params.length + query.length ? { parameters: [...params, ...query] } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.body, 'input') } } } } : {}),
      responses: {
        [String(op.status ?? 200)]: op.response
          ? { description: 'OK', content: { 'application/json': { schema: schema(op.response, 'output') } } }
          : { description: 'No content' },
        '400': problem,
        '401': problem,
        '403': problem,
        '404': problem,
        '409': problem,
        // any request: a body over the cap, a JSON body without application/json, too many
        // attempts (Retry-After), the database away (Retry-After)
        '413': problem,
        '415': problem,
        '429': problem,
        '503': problem,
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Copydesk API',
      version: '0.1.0',
      description: 'Governed AI drafting: briefs, runs, human gates.',
      // package.json's: no licence is granted to the code; the document says so as the field wants
      license: { name: 'UNLICENSED', identifier: 'LicenseRef-UNLICENSED' },
    },
    // the server that serves this document: every path below starts with /api
    servers: [{ url: '/', description: 'this Copydesk server' }],
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'copydesk_session' } } },
    security: [{ session: [] }],
    paths,
  }
}
