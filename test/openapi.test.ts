// The OpenAPI document is the contract scripts are written against: it must describe exactly the
// routes the app serves, give every operation a stable id, and type each query parameter as the
// zod schema the route parses it with (a parameter the route refuses is refused by the schema); and a
// route refuses a bad body with the issues of its operation's own schema (it parses with what the document shows).
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { issueOf } from '../server/http/validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OPS, openApiDocument } from '../server/openapi'
import { testTargets } from './helpers/databases'
import { makeHarness, type Harness } from './helpers/harness'

const [target] = await testTargets() // the document does not depend on the database: one is enough
type Operation = { operationId: string; parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[] }
const doc = openApiDocument() as { paths: Record<string, Record<string, Operation>> }
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method, op })),
)
const param = (path: string, name: string) => doc.paths[path]!.get!.parameters!.find((p) => p.name === name)

describe('the OpenAPI document', () => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target!)
  })
  afterAll(() => h?.close())

  it('describes every route the app serves, and no other', () => {
    const served = h.app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => `${r.method} ${r.path}`)
      .sort()
    const documented = operations.map((o) => `${o.method.toUpperCase()} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`).sort()
    expect(documented).toEqual([...new Set(served)])
  })

  it('gives every operation an id of its own', () => {
    const ids = operations.map((o) => o.op.operationId)
    expect(ids.every((id) => /^(get|post|put|delete)[A-Z][A-Za-z0-9]*$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(doc.paths['/api/runs/{id}/drafts/{version}/export']!.get!.operationId).toBe('getRunsByIdDraftsByVersionExport')
  })

  it('types each query parameter as the route parses it', () => {
    expect(param('/api/kb/results', 'limit')).toMatchObject({ required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } })
    expect(param('/api/kb/results', 'kind')!.schema.enum).toEqual(['offer', 'headlines', 'interview_summary', 'seo_clusters'])
    expect(param('/api/kb/prompts/{id}/{lang}/compare', 'a')).toMatchObject({ required: true, schema: { type: 'string' } })
    expect(param('/api/reviews', 'overdue')!.schema.enum).toEqual(['0', '1'])
    expect(param('/api/runs/{id}/drafts/{version}/export', 'format')!.schema).toMatchObject({ enum: ['csv', 'xlsx'], default: 'csv' })
    expect(param('/api/usage/summary', 'from')).toMatchObject({
      description: expect.stringMatching(/first day/),
      schema: { type: 'string' },
    })
    expect(param('/api/usage/gates', 'list')!.schema.enum).toEqual(['gates', 'overdue'])
    expect(param('/api/usage/log.csv', 'action')).toBeDefined()
  })

  it('a query value outside its schema is a 400 naming the parameter, not silently read as the default', async () => {
    const writer = await h.as('writer')
    for (const url of ['/api/briefs?all=yes', '/api/reviews?overdue=true']) {
      const r = await writer.get(url)
      expect(r.status, url).toBe(400)
      expect(r.body.issues?.[0]?.path, url).toMatch(/^(all|overdue)$/)
    }
    expect((await writer.get('/api/briefs?all=1')).status).toBe(200)
  })

  it("refuses an empty JSON body with the issues of the operation's own body schema: the route parses with what the document shows", async () => {
    // every route with a body needs at most the writer role; login needs no session at all
    const writer = await h.as('writer')
    const refusing = OPS.filter((op) => op.body && !op.body.safeParse({}).success)
    expect(refusing.length).toBeGreaterThan(0)
    for (const op of refusing) {
      const url = op.path.replace(/\{\w+\}/g, () => randomUUID())
      const r = await (op.auth === false ? h.client() : writer).call(op.method.toUpperCase(), url, {})
      const parsed = op.body!.safeParse({})
      const issues = parsed.error!.issues.map(issueOf) // path, English message, zod's code and values
      expect(r.status, `${op.method} ${op.path}`).toBe(400)
      expect(r.body.issues, `${op.method} ${op.path}`).toEqual(issues)
    }
  })

  it('passes an outside linter: redocly lint with its recommended rules, no error and no warning', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-openapi-'))
    try {
      const file = path.join(dir, 'openapi.json')
      fs.writeFileSync(file, JSON.stringify(openApiDocument()))
      const bin = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'redocly')
      let out: string
      try {
        out = execFileSync(bin, ['lint', file, '--format=stylish'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      } catch (err) {
        out = String((err as { stdout?: string }).stdout) + String((err as { stderr?: string }).stderr)
        throw new Error(`redocly lint failed:\n${out}`)
      }
      expect(out).not.toMatch(/\berror\b|\bwarning\b/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
