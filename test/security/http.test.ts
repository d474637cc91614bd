import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app'
import { testTargets } from '../helpers/databases'
import { offerBrief } from '../helpers/fixtures'
import { seoFixturePath } from '../helpers/seo-fixtures'
import { makeHarness, type Harness } from '../helpers/harness'
import { silentLog } from '../../server/log'

const targets = await testTargets()
// app.request('/x') addresses http://localhost/x: that is the app's own origin here.
const SELF = 'http://localhost'
const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"

type App = Harness['app']
type Sent = { status: number; body: any; headers: Headers }

/** One request with exactly the headers given (plus the session cookie): what a browser or a script would send. */
async function send(
  app: App,
  method: string,
  url: string,
  opts: { cookie?: string; headers?: Record<string, string>; body?: string | Blob } = {},
): Promise<Sent> {
  const headers = { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers }
  const res = await app.request(url, { method, headers, body: opts.body })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers }
}

async function loginCookie(app: App, email = 'writer@copydesk.local'): Promise<string> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  })
  expect(res.status).toBe(200)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!
}

describe.each(targets)('HTTP request hardening on $name', (target) => {
  let h: Harness
  let cookie: string
  let briefId: string
  const json = { 'content-type': 'application/json' }
  const briefCount = async () => Number((await h.sql`select count(*)::int as n from briefs`)[0]!.n)
  const runCount = async () => Number((await h.sql`select count(*)::int as n from runs`)[0]!.n)

  beforeAll(async () => {
    h = await makeHarness(target)
    cookie = await loginCookie(h.app)
    const b = await send(h.app, 'POST', '/api/briefs', { cookie, headers: json, body: JSON.stringify(offerBrief()) })
    expect(b.status).toBe(201)
    briefId = b.body.id
  })
  afterAll(async () => h?.close())

  it('refuses state-changing requests from another origin, with or without a body', async () => {
    const [briefs, runs] = [await briefCount(), await runCount()]
    const foreign: Array<Record<string, string>> = [
      { origin: 'http://evil.example' },
      { origin: 'http://localhost:8080' }, // another port of our host: same site, not same origin
      { origin: 'https://localhost' }, // another scheme
      { origin: 'null' }, // sandboxed frames and some redirects
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: SELF }, // both are checked when both are sent
    ]
    for (const headers of foreign) {
      const attempts = [
        await send(h.app, 'POST', '/api/briefs', { cookie, headers: { ...json, ...headers }, body: JSON.stringify(offerBrief()) }),
        await send(h.app, 'POST', `/api/briefs/${briefId}/runs`, { cookie, headers }), // bodiless: no content type to hide behind
        await send(h.app, 'POST', '/api/auth/logout', { cookie, headers }),
        await send(h.app, 'DELETE', `/api/kb/results/${briefId}/tags/x`, { cookie, headers }),
        await send(h.app, 'POST', '/api/auth/login', {
          headers: { ...json, ...headers },
          body: JSON.stringify({ email: 'writer@copydesk.local', password: 'demo' }),
        }),
      ]
      for (const r of attempts) {
        expect([headers, r.status, r.body.code]).toEqual([headers, 403, 'forbidden'])
        expect(r.body.message).toMatch(/cross-origin request refused/)
        expect(r.headers.get('set-cookie')).toBeNull() // no login cookie, no logout
      }
    }
    expect([await briefCount(), await runCount()]).toEqual([briefs, runs])
    expect((await send(h.app, 'GET', '/api/me', { cookie })).status).toBe(200) // the forged logout did nothing
    // reads are not state-changing: a cross-origin GET still gets its answer (CORS keeps it from the page)
    expect((await send(h.app, 'GET', `/api/briefs/${briefId}`, { cookie, headers: { origin: 'http://evil.example' } })).status).toBe(200)
  })

  it("lets the app's own pages and header-less scripts through", async () => {
    const briefs = await briefCount()
    const own: Array<Record<string, string>> = [
      { origin: SELF, 'sec-fetch-site': 'same-origin' },
      { origin: SELF },
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
    ]
    for (const headers of own) {
      const r = await send(h.app, 'POST', '/api/briefs', { cookie, headers: { ...json, ...headers }, body: JSON.stringify(offerBrief()) })
      expect([headers, r.status]).toEqual([headers, 201])
    }
    expect((await send(h.app, 'POST', `/api/briefs/${briefId}/runs`, { cookie, headers: { origin: SELF } })).status).toBe(201)
    // CONTRACTS.md: a script with the session cookie, JSON and no Origin keeps working
    const script = await h.as('writer')
    expect((await script.post('/api/briefs', offerBrief())).status).toBe(201)
    expect((await script.post(`/api/briefs/${briefId}/runs`)).status).toBe(201)
    expect(await briefCount()).toBe(briefs + own.length + 1)
  })

  it('behind a trusted proxy, the forwarded scheme and host are the origin; untrusted, they are ignored', async () => {
    const proxied = {
      origin: 'https://copydesk.example.com',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'copydesk.example.com',
      ...json,
    }
    const body = JSON.stringify({ email: 'writer@copydesk.local', password: 'demo' })
    const trusting = createApp({ db: h.db, provider: h.deps.provider, policy: h.policy, trustProxy: true, log: silentLog })
    expect((await send(trusting, 'POST', '/api/auth/login', { headers: proxied, body })).status).toBe(200)
    expect(
      (await send(trusting, 'POST', '/api/auth/login', { headers: { ...proxied, 'x-forwarded-host': 'evil.example' }, body })).status,
    ).toBe(403)
    const refused = await send(h.app, 'POST', '/api/auth/login', { headers: proxied, body })
    expect([refused.status, refused.body.message]).toEqual([403, expect.stringMatching(/COPYDESK_TRUST_PROXY/)])
  })

  it('takes JSON only as application/json, parsed as a media type', async () => {
    const body = JSON.stringify({ email: 'writer@copydesk.local', password: 'demo' })
    for (const type of [
      'text/plain',
      'application/json-evil',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'text/plain; x=application/json',
      'application/json; charset=latin1',
      'application/jsonp',
    ]) {
      const r = await send(h.app, 'POST', '/api/auth/login', { headers: { 'content-type': type }, body })
      expect([type, r.status, r.body.code]).toEqual([type, 415, 'unsupported_media_type'])
    }
    // an untyped Blob, not a string: fetch would label a string body text/plain by itself
    const none = await send(h.app, 'POST', '/api/auth/login', { body: new Blob([body]) })
    expect([none.status, none.body.message]).toEqual([415, expect.stringMatching(/no Content-Type/)])
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"']) {
      expect([type, (await send(h.app, 'POST', '/api/auth/login', { headers: { 'content-type': type }, body })).status]).toEqual([
        type,
        200,
      ])
    }
  })

  it('refuses NUL bytes and lone surrogates anywhere in a JSON body, naming the field', async () => {
    const briefs = await briefCount()
    const post = (raw: string) => send(h.app, 'POST', '/api/briefs', { cookie, headers: json, body: raw })
    const cases: Array<[unknown, string]> = [
      [{ ...offerBrief(), title: 'Spring\u0000offer' }, 'title'],
      [{ ...offerBrief(), audience: 'Parents \ud83d of teens' }, 'audience'], // a high surrogate alone
      [{ ...offerBrief(), task: '\udc00 trailing low half' }, 'task'],
      [{ ...offerBrief(), inputs: { ...offerBrief().inputs, proofs: ['ok', 'bad\u0000'] } }, 'inputs.proofs.1'],
      [{ ...offerBrief(), inputs: { ...offerBrief().inputs, 'key\u0000': 'x' } }, 'inputs.key\\u0000'],
    ]
    for (const [value, field] of cases) {
      // JSON.stringify writes NUL as \u0000 and a lone surrogate as \udXXX: exactly what a client sends
      const r = await post(JSON.stringify(value))
      expect([field, r.status, r.body.code]).toEqual([field, 400, 'bad_request'])
      expect(r.body.issues[0].path).toBe(field)
      expect(r.body.message).toContain(field)
    }
    expect(await briefCount()).toBe(briefs)
    // a real surrogate pair (an emoji) is fine text
    expect((await post(JSON.stringify({ ...offerBrief(), title: 'Spring offer 🌷' }))).status).toBe(201)
  })

  it('sends the security headers on API answers, errors and the UI shell', async () => {
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-shell-'))
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Copydesk</title><div id="root"></div>')
    const withUi = createApp({ db: h.db, provider: h.deps.provider, policy: h.policy, webDist, log: silentLog })
    try {
      const answers = {
        health: await withUi.request('/api/health'),
        notFound: await withUi.request('/api/no-such-thing'),
        forbidden: await withUi.request('/api/auth/logout', { method: 'POST', headers: { origin: 'http://evil.example' } }),
        shell: await withUi.request('/'),
        clientRoute: await withUi.request('/runs/123'),
      }
      expect(answers.health.status).toBe(200)
      expect(answers.shell.status).toBe(200)
      expect(await answers.clientRoute.text()).toContain('<div id="root">')
      for (const [name, res] of Object.entries(answers)) {
        const got = (k: string) => [name, k, res.headers.get(k)]
        expect(got('content-security-policy')).toEqual([name, 'content-security-policy', EXPECTED_CSP])
        expect(got('x-content-type-options')).toEqual([name, 'x-content-type-options', 'nosniff'])
        expect(got('x-frame-options')).toEqual([name, 'x-frame-options', 'DENY'])
        expect(got('referrer-policy')).toEqual([name, 'referrer-policy', 'same-origin'])
        const api = !name.startsWith('shell') && name !== 'clientRoute'
        if (api) expect(got('cache-control')).toEqual([name, 'cache-control', 'no-store'])
      }
    } finally {
      fs.rmSync(webDist, { recursive: true, force: true })
    }
  })

  describe('over a real HTTP server', () => {
    let server: ReturnType<typeof serve>
    let port: number
    beforeAll(async () => {
      server = await new Promise((resolve) => {
        const s = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
      })
      port = (server.address() as AddressInfo).port
    })
    afterAll(async () => {
      ;(server as http.Server | undefined)?.closeAllConnections?.()
      await new Promise((resolve) => server?.close(resolve))
    })

    /**
     * Streams `total` bytes with chunked transfer encoding, respecting backpressure, until the
     * answer comes. Reports how much was written by then and the peak memory growth meanwhile.
     */
    function chunked(url: string, total: number, headers: Record<string, string>) {
      const chunk = Buffer.alloc(64 * 1024, 0x20) // JSON whitespace, reused: the client allocates nothing per chunk
      const before = process.memoryUsage()
      let peak = 0
      const sample = setInterval(() => {
        const m = process.memoryUsage()
        // body bytes live in Buffers (arrayBuffers) or, once decoded, in strings (heap)
        peak = Math.max(peak, m.arrayBuffers - before.arrayBuffers + m.heapUsed - before.heapUsed)
      }, 5)
      return new Promise<{ status: number; body: any; written: number; ms: number; peak: number }>((resolve, reject) => {
        const started = Date.now()
        let written = 0
        let answered = false
        const req = http.request(
          { host: '127.0.0.1', port, path: url, method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } },
          (res) => {
            answered = true
            const writtenThen = written
            let text = ''
            res.setEncoding('utf8')
            res.on('data', (d) => (text += d))
            res.on('end', () => {
              clearInterval(sample)
              req.destroy()
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), written: writtenThen, ms: Date.now() - started, peak })
            })
          },
        )
        req.on('error', (err) => (answered ? undefined : reject(err)))
        const pump = () => {
          while (!answered && written < total) {
            written += chunk.length
            if (!req.write(chunk)) return void req.once('drain', pump)
          }
          if (!answered) req.end()
        }
        pump()
      })
    }

    /** A small body in a few chunks (Transfer-Encoding: chunked, no Content-Length). */
    function postChunked(url: string, headers: Record<string, string>, parts: Array<string | Buffer>) {
      return new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, path: url, method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } },
          (res) => {
            let text = ''
            res.setEncoding('utf8')
            res.on('data', (d) => (text += d))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
          },
        )
        req.on('error', reject)
        for (const part of parts) req.write(part)
        req.end()
      })
    }

    it('stops a 40 MB chunked body at the 16 MB cap, at once and without holding it in memory', async () => {
      const MB = 1024 * 1024
      const r = await chunked('/api/auth/login', 40 * MB, json)
      expect([r.status, r.body.code]).toEqual([413, 'payload_too_large'])
      expect(r.body.message).toMatch(/16777216 bytes \(16 MB\)/)
      expect(r.written).toBeLessThan(24 * MB) // answered soon after the cap, not after the whole body
      expect(r.ms).toBeLessThan(10_000)
      expect(r.peak).toBeLessThan(40 * MB) // memory did not grow by the body size
      // the server is fine afterwards
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      expect(ok.status).toBe(200)
    })

    it('refuses a declared Content-Length over the cap before reading a byte, and passes small chunked bodies', async () => {
      const declared = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/auth/login',
            method: 'POST',
            headers: { ...json, 'content-length': String(17 * 1024 * 1024) },
          },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
            req.destroy()
          },
        )
        req.on('error', reject)
        req.flushHeaders() // headers only: the answer must not wait for the body
      })
      expect(declared).toBe(413)
      const login = JSON.stringify({ email: 'writer@copydesk.local', password: 'demo' })
      const small = (await postChunked('/api/auth/login', json, [login.slice(0, 10), login.slice(10)])).status
      expect(small).toBe(200)
    })

    it('leaves the keyword upload (raw bytes, not JSON) its own 10 MB limit, chunked or not', async () => {
      const headers = { cookie: await loginCookie(h.app), 'content-type': 'application/octet-stream' }
      const csv = fs.readFileSync(seoFixturePath('en-export.csv'))
      const ok = await postChunked('/api/seo/import', headers, [csv.subarray(0, 100), csv.subarray(100)])
      expect([ok.status, JSON.parse(ok.text).keywords]).toEqual([200, expect.any(Number)])
      const big = await chunked('/api/seo/import', 12 * 1024 * 1024, headers) // under our cap, over the route's
      expect([big.status, big.body.message]).toEqual([413, expect.stringMatching(/10 MB/)])
    })
  })
})
