import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config'
import { startServer, type Server } from '../../server/main'
import { ROOT } from '../../server/paths'
import { loginAs, openBrowserPage } from '../helpers/browser'
import { Client } from '../helpers/client'
import { findChromium } from '../helpers/env'
import { offerBrief } from '../helpers/fixtures'
import { silentLog } from '../../server/log'

const executablePath = findChromium()

/**
 * The attacker's pages, served from ANOTHER PORT of 127.0.0.1: same site as the app (so the
 * browser sends the session cookie along), but not the same origin.
 */
function attackPages(app: string, briefId: string): Record<string, string> {
  const brief = JSON.stringify(offerBrief({ title: 'Forged brief' }))
  const autoSubmit = (form: string) => `<!doctype html><body>${form}<script>document.forms[0].submit()</script></body>`
  return {
    '/fetch': `<!doctype html><script>
      const send = (url, init) => fetch(${JSON.stringify(app)} + url, { method: 'POST', credentials: 'include', ...init })
        .then((r) => r.type + ':' + r.status, (e) => 'failed')
      ;(async () => {
        const results = [
          // "simple" requests: the browser sends them without asking (no preflight), cookie included
          await send('/api/briefs', { mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(brief)} }),
          await send('/api/briefs/${briefId}/runs', { mode: 'no-cors' }),
          // a JSON request needs a CORS preflight, which the app never grants
          await send('/api/briefs', { headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(brief)} }),
        ]
        document.title = 'done ' + results.join(' ')
      })()
    </script>`,
    '/form-runs': autoSubmit(`<form method="post" action="${app}/api/briefs/${briefId}/runs"></form>`),
    // the classic text/plain trick: name + "=" + value forms a JSON body
    '/form-brief': autoSubmit(
      `<form method="post" enctype="text/plain" action="${app}/api/briefs"><input type="hidden" name='${brief.slice(0, -1)},"x":"' value='"}'></form>`,
    ),
  }
}

function startAttacker(pages: () => Record<string, string>) {
  const server = http.createServer((req, res) => {
    const page = pages()[req.url ?? '']
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
    res.end(page ?? 'not found')
  })
  return new Promise<{ url: string; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      resolve({ url, close: () => new Promise((r) => server.close(() => r())) })
    })
  })
}

describe.skipIf(!executablePath)('browser: another origin cannot act with the session cookie (Debian chromium)', () => {
  let server: Server
  let attacker: Awaited<ReturnType<typeof startAttacker>>
  let browser: Browser
  let dataDir: string
  let script: Client
  let briefId: string

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'build-ui-if-needed.mjs')], { stdio: 'inherit' })
    expect(built.status).toBe(0)
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-csrf-'))
    server = await startServer(loadConfig({ COPYDESK_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', COPYDESK_WORKERS: '0' }), {
      log: silentLog,
    })
    // A script with the session cookie and no Origin (CONTRACTS.md) sets the scene and counts.
    script = await new Client((p, init) => fetch(server.url + p, init)).login('writer@copydesk.local')
    const b = await script.post('/api/briefs', offerBrief({ title: 'The real brief' }))
    expect(b.status).toBe(201)
    briefId = b.body.id
    attacker = await startAttacker(() => attackPages(server.url, briefId))
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  })
  afterAll(async () => {
    await browser?.close()
    await attacker?.close()
    await server?.close()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const counts = async () => ({
    briefs: (await script.get('/api/briefs?all=1')).body.length as number,
    runs: (await script.get(`/api/briefs/${briefId}`)).body.runs.length as number,
  })

  /**
   * Every answer the app gave to a POST, and whether the browser sent the session cookie. Raw
   * CDP events: the answers to no-cors fetches are blocked by our Cross-Origin-Resource-Policy
   * before Playwright's response events see them, but the status line still shows up here.
   */
  async function recordPosts(page: Page) {
    const requests = new Map<string, { method?: string; url?: string; cookie?: boolean; status?: number }>()
    const entry = (id: string) => requests.get(id) ?? requests.set(id, {}).get(id)!
    const cdp = await page.context().newCDPSession(page)
    cdp.on('Network.requestWillBeSent', (e) => Object.assign(entry(e.requestId), { method: e.request.method, url: e.request.url }))
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
      entry(e.requestId).cookie = Object.entries(e.headers).some(
        ([k, v]) => k.toLowerCase() === 'cookie' && String(v).includes('copydesk_session='),
      )
    })
    cdp.on('Network.responseReceivedExtraInfo', (e) => (entry(e.requestId).status = e.statusCode))
    await cdp.send('Network.enable')
    return () =>
      [...requests.values()]
        .filter((r) => r.method === 'POST' && r.url?.startsWith(server.url) && r.status !== undefined)
        .map((r) => ({ path: new URL(r.url!).pathname, status: r.status!, cookie: r.cookie ?? false }))
  }

  it('refuses forged form posts and fetches from a page on another port, and nothing is created', async () => {
    const { page, pageErrors } = await openBrowserPage(browser)
    const cspViolations: string[] = []
    page.on('console', (m) => (/Content Security Policy/i.test(m.text()) ? cspViolations.push(m.text()) : undefined))
    await loginAs(page, server.url, 'writer@copydesk.local')
    // the app's own page still may post (what fetchJson sends): same origin passes
    const own = await page.evaluate(
      async (brief) => {
        const r = await fetch('/api/briefs', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(brief),
        })
        return r.status
      },
      offerBrief({ title: 'Posted by the app itself' }),
    )
    expect(own).toBe(201)
    expect(cspViolations).toEqual([]) // the UI shell runs under the CSP without inline scripts or styles
    expect(pageErrors).toEqual([])

    const before = await counts()
    const posts = await recordPosts(page)
    await page.goto(`${attacker.url}/fetch`)
    await expect.poll(() => page.title()).toMatch(/^done /)
    expect(await page.title()).toContain('failed') // the preflighted JSON fetch never got through
    for (const form of ['/form-runs', '/form-brief']) {
      const answered = page.waitForResponse((r) => r.url().startsWith(server.url) && r.request().method() === 'POST')
      await page.goto(`${attacker.url}${form}`)
      const res = await answered
      expect([form, res.status()]).toEqual([form, 403])
      expect(await res.text()).toMatch(/"code":"forbidden".*cross-origin request refused/)
    }
    await expect.poll(() => posts().length).toBe(4) // 2 fetches + 2 forms; the preflighted fetch never sent its POST
    expect(posts().map((p) => p.status)).toEqual([403, 403, 403, 403])
    expect(new Set(posts().map((p) => p.path))).toEqual(new Set(['/api/briefs', `/api/briefs/${briefId}/runs`]))
    // the browser did attach the session cookie: only the origin check stood in the way
    expect(posts().map((p) => p.cookie)).toEqual([true, true, true, true])
    expect(await counts()).toEqual(before)

    // and the session survived: the app still works for its user
    await page.goto(`${server.url}/`)
    await expect.poll(() => page.getByTestId('nav-logout').isVisible()).toBe(true)
  })
})
