// What an operator reads: one access line per API request and every error line under the request
// id the client was given (X-Request-Id, and `requestId` in the problem body). Nothing of a
// request's content is logged: no body, no query string.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../server/app'
import { createLog } from '../server/log'
import { testTargets } from './helpers/databases'
import { makeHarness, type Harness } from './helpers/harness'

const [target] = await testTargets() // the log does not depend on the database: one is enough

describe(`the server log on ${target!.name}`, () => {
  let h: Harness
  const lines: Record<string, unknown>[] = []
  let app: ReturnType<typeof createApp>

  beforeAll(async () => {
    h = await makeHarness(target!)
    const log = createLog({ format: 'json', level: 'debug', destination: { write: (l) => void lines.push(JSON.parse(l)) } })
    app = createApp({ db: h.db, provider: h.deps.provider, policy: h.policy, log })
    // a handler with a bug: what an unhandled error leaves in the log
    app.get('/boom', () => {
      throw new Error('kaboom: the bug')
    })
  })
  afterAll(() => h?.close())

  const linesOf = (reqId: string | null) => lines.filter((l) => l.reqId === reqId)

  it('one access line per request, under the id the response carries, with the user once signed in', async () => {
    const health = await app.request('/api/health')
    const id = health.headers.get('x-request-id')
    expect(id).toBeTruthy()
    expect(linesOf(id)).toEqual([
      expect.objectContaining({ level: 'info', msg: 'request', method: 'GET', path: '/api/health', status: 200, ms: expect.any(Number) }),
    ])

    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'writer@copydesk.local', password: 'demo' }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const me = await app.request('/api/me', { headers: { cookie } })
    const [line] = linesOf(me.headers.get('x-request-id'))
    expect(line).toMatchObject({ path: '/api/me', status: 200, user: expect.any(String) })
  })

  it('a refusal is an access line with its status; a bug is an error line with the stack, under the same request id', async () => {
    const refused = await app.request('/api/briefs')
    expect(refused.status).toBe(401)
    expect(linesOf(refused.headers.get('x-request-id'))).toEqual([expect.objectContaining({ level: 'info', status: 401 })])

    const boom = await app.request('/boom')
    expect(boom.status).toBe(500)
    const body = (await boom.json()) as { requestId: string; message: string }
    expect(body.message).not.toMatch(/kaboom/) // the client gets the id, not the bug
    const logged = linesOf(body.requestId)
    expect(logged.map((l) => [l.level, l.msg])).toEqual([
      ['error', 'unhandled error'],
      ['error', 'request'],
    ])
    expect((logged[0]!.err as { stack: string }).stack).toMatch(/kaboom: the bug/)
  })

  it('never logs a query string or a body', async () => {
    const secret = 'Ivanova Maria +7 912 345-67-89'
    await app.request(`/api/kb/search?q=${encodeURIComponent(secret)}`)
    await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.com', password: secret }),
    })
    const all = JSON.stringify(lines)
    expect(all).toContain('/api/kb/search')
    expect(all).not.toContain('Ivanova')
    // digits alone would match request ids and timestamps by chance; the phone's grouping cannot
    expect(all).not.toContain('345-67-89')
    expect(all).not.toContain('q=')
    expect(all).not.toContain('nobody@example.com')
  })
})
