import { z } from 'zod'
import { LoginRequest, Me } from '../contracts/auth'
import {
  Brief,
  BriefListItem,
  CreateBrief,
  BriefListQuery,
  Created,
  PiiCheckRequest,
  PiiCheckResponse,
  RiskCheckRequest,
  RiskCheckResponse,
  SeoImportProblem,
} from '../contracts/briefs'
import { Problem } from '../contracts/problem'
import { PolicyView } from '../contracts/policy'
import { ClaimsVerify, ClaimUpdate, DecisionRequest, Draft, DraftEdit, ExportQuery, ReviewItem, ReviewsQuery, Run } from '../contracts/runs'
import {
  ApprovalView,
  AuditCheck,
  BlockedView,
  BudgetView,
  FormatQuery,
  GateView,
  GatesListQuery,
  LogFilter,
  MyUsage,
  UsageFilter,
  UsagePeriod,
  UsageSummary,
} from '../contracts/usage'
import {
  PromptCompare,
  PromptCompareQuery,
  PromptFamily,
  PromptVersionDetail,
  MyRatingSummary,
  RatingRequest,
  ResultPage,
  ResultQuery,
  ResultRecord,
  TagList,
  TagRequest,
} from '../contracts/kb'

type Op = {
  method: 'get' | 'post' | 'delete'
  path: string
  summary: string
  body?: z.ZodType
  response?: z.ZodType
  status?: number
  auth?: boolean
  /** The zod objects the route parses its query string with: each property is a parameter. */
  query?: z.ZodObject | z.ZodObject[]
  /** Path parameters that are not UUIDs: their schema. */
  pathParams?: Record<string, Record<string, unknown>>
}

const promptPath = { id: { type: 'string', pattern: '^[a-z][a-z0-9_-]*$' }, lang: { type: 'string', enum: ['ru', 'en'] } }

/** The HTTP contract (CONTRACTS.md). Request and response schemas are the same zod objects the server validates with. */
const OPS: Op[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness and database check',
    response: z.object({ ok: z.boolean(), db: z.string(), engine: z.string() }),
    auth: false,
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document: OpenAPI 3.1, request and response schemas generated from the zod schemas the routes validate with',
    response: z.record(z.string(), z.unknown()),
    auth: false,
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in; sets the HttpOnly session cookie',
    body: LoginRequest,
    response: Me,
    auth: false,
  },
  { method: 'post', path: '/api/auth/logout', summary: 'Log out; ends the session', status: 204, auth: false },
  { method: 'get', path: '/api/me', summary: 'The logged-in user', response: Me },
  {
    method: 'get',
    path: '/api/briefs',
    summary: "My briefs (?all=1: the whole team's)",
    response: z.array(BriefListItem),
    query: BriefListQuery,
  },
  { method: 'post', path: '/api/briefs', summary: 'Create a brief (writer)', body: CreateBrief, response: Created, status: 201 },
  {
    method: 'post',
    path: '/api/briefs/pii-check',
    summary: 'Before submitting: the personal data the policy would replace (or refuse) in each field, and which findings may be dismissed',
    body: PiiCheckRequest,
    response: PiiCheckResponse,
  },
  {
    method: 'post',
    path: '/api/briefs/risk-check',
    summary:
      "Before submitting: the risk marks the policy makes in each field (offsets into it), the brief's categories, sector reading and required wording, and the gates a draft of it will at least go to (writer)",
    body: RiskCheckRequest,
    response: RiskCheckResponse,
  },
  { method: 'get', path: '/api/briefs/{id}', summary: 'One brief with its runs', response: Brief },
  { method: 'post', path: '/api/briefs/{id}/runs', summary: "Start a drafting run (the brief's author)", response: Created, status: 201 },
  { method: 'get', path: '/api/runs/{id}', summary: 'A run: status, latest draft, gates', response: Run },
  {
    method: 'get',
    path: '/api/runs/{id}/drafts/{version}',
    summary: "One version of the run's draft (to compare versions)",
    response: Draft,
  },
  {
    method: 'get',
    path: '/api/runs/{id}/drafts/{version}/export',
    summary: 'An SEO content plan as a file: ?format=csv (keyword -> cluster, pillar, intent, frequency, role) or xlsx (that and the plan)',
    query: ExportQuery,
  },
  {
    method: 'post',
    path: '/api/seo/import',
    summary:
      'An uploaded keyword export (raw CSV/TSV in UTF-8, UTF-8 BOM or Windows-1251, or XLSX; at most 10 MB) as the CSV a seo_clusters brief keeps, with the rows skipped by line',
    response: z.object({
      csv: z.string(),
      keywords: z.number(),
      withUrls: z.boolean(),
      encoding: z.string(),
      problems: z.array(SeoImportProblem),
    }),
  },
  {
    method: 'post',
    path: '/api/runs/{id}/edits',
    summary:
      'The author edits the draft under review ({version, text}, or for an SEO content plan {version, content}): a new version, judged by the gates again; stores the edit distance from the AI draft',
    body: DraftEdit,
    response: z.object({ version: z.number().int() }),
    status: 201,
  },
  {
    method: 'get',
    path: '/api/reviews',
    summary: 'My open gates, soonest due first',
    response: z.array(ReviewItem),
    query: ReviewsQuery,
  },
  {
    method: 'post',
    path: '/api/gates/{id}/decision',
    summary: 'Decide an open gate: pass, request changes, reject, or waive (where the policy allows)',
    body: DecisionRequest,
    response: z.object({ runId: z.string() }),
  },
  {
    method: 'post',
    path: '/api/claims/verify',
    summary: 'Verify several claims of one draft with one source, all or none (the fact-check owner)',
    body: ClaimsVerify,
    response: z.object({ runId: z.string(), verified: z.number().int() }),
  },
  {
    method: 'post',
    path: '/api/claims/{id}',
    summary: 'Mark a claim verified (with its source) or rejected (the fact-check owner)',
    body: ClaimUpdate,
    response: z.object({ runId: z.string() }),
  },
  { method: 'get', path: '/api/policy', summary: 'The active policy: gates, categories, rule packs', response: PolicyView },
  { method: 'get', path: '/api/usage/me', summary: 'My AI usage this month and where I stand against my budgets', response: MyUsage },
  {
    method: 'get',
    path: '/api/usage/summary',
    summary:
      'Model calls and cost in a period: totals, over time, by user, team, kind, model, prompt version (others than cmo/admin: their own)',
    response: UsageSummary,
    query: UsageFilter,
  },
  {
    method: 'get',
    path: '/api/usage/approvals',
    summary:
      'Runs started in the period by outcome: approval rate, approved without rework, AI share of approved copy (others than cmo/admin: their own)',
    response: ApprovalView,
    query: UsageFilter,
  },
  {
    method: 'get',
    path: '/api/usage/gates',
    summary:
      'Time in each gate (mean, p50, p90 hours), open and overdue gates, the overdue list (cmo/admin; format=csv&list=overdue for the list)',
    response: GateView,
    query: [UsageFilter, GatesListQuery],
  },
  {
    method: 'get',
    path: '/api/usage/blocked',
    summary: 'What the policy stopped: personal data by type, budget refusals, stopping decisions by gate, risk categories (cmo/admin)',
    response: BlockedView,
    query: UsageFilter,
  },
  {
    method: 'get',
    path: '/api/usage/budgets',
    summary: 'Every budget this month with its spend and state, and the refusals (cmo/admin)',
    response: BudgetView,
    query: FormatQuery,
  },
  {
    method: 'post',
    path: '/api/usage/verify',
    summary: 'Recompute the audit chain now (cmo/admin): intact with its head hash, or the first bad row',
    response: AuditCheck,
    status: 200,
  },
  {
    method: 'get',
    path: '/api/usage/log.csv',
    summary: 'The audit log of a period as CSV, streamed (cmo/admin)',
    response: z.string(),
    query: [UsagePeriod, LogFilter],
  },
  {
    method: 'get',
    path: '/api/kb/results',
    summary:
      'The results archive: full-text search (Russian and English) and filters; best match first with q, newest first without. Writers see approved results and their own',
    response: ResultPage,
    query: ResultQuery,
  },
  {
    method: 'get',
    path: '/api/kb/results/{runId}',
    summary: 'One result: the brief (redacted), every draft version, gate decisions with reviewers, outcome, ratings, tags',
    response: ResultRecord,
  },
  {
    method: 'get',
    path: '/api/kb/results/{runId}/reuse',
    summary: 'Start a new brief from this result: a CreateBrief body (redacted texts, deadline in a week) for the new-brief form (writer)',
    response: CreateBrief,
  },
  {
    method: 'post',
    path: '/api/kb/results/{runId}/rating',
    summary: 'Rate a result 1-5 with an optional comment (writer, factcheck, legal, editor); rating again replaces your rating',
    body: RatingRequest,
    response: MyRatingSummary,
  },
  {
    method: 'post',
    path: '/api/kb/results/{runId}/tags',
    summary: 'Tag a result (normalised to lower case; 201 when new, 200 when it had the tag)',
    body: TagRequest,
    response: TagList,
    status: 201,
  },
  {
    method: 'delete',
    path: '/api/kb/results/{runId}/tags/{tag}',
    summary: 'Remove a tag from a result',
    response: TagList,
    pathParams: { tag: { type: 'string', maxLength: 40 } },
  },
  {
    method: 'get',
    path: '/api/kb/prompts',
    summary: 'The prompt library: every prompt and language with every version and its record (runs, approval, rework, edit ratio, cost)',
    response: z.array(PromptFamily),
  },
  {
    method: 'get',
    path: '/api/kb/prompts/{id}/{lang}/compare',
    summary: 'Two versions of a prompt side by side and the line diff from a to b',
    response: PromptCompare,
    query: PromptCompareQuery,
    pathParams: promptPath,
  },
  {
    method: 'get',
    path: '/api/kb/prompts/{id}/{lang}/{version}',
    summary: 'One prompt version: its body, record, and line diff from the version before it',
    response: PromptVersionDetail,
    pathParams: { ...promptPath, version: { type: 'string' } },
  },
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
  const js = schema(s, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] }
  return Object.entries(js.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property
    return { name, in: 'query', required: js.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest }
  })
}

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
