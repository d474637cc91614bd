// The CMO's dashboard, a writer's own AI usage with the budget warning, and the knowledge base
// (search with highlights, a result's record, rating, tags, "start a new brief from this", the
// prompt library and a compare view), driven in Debian's chromium against a real server.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateBriefInput } from '../contracts/briefs'
import { loadConfig } from '../server/config'
import { openConfiguredDatabase } from '../server/db/open'
import { startServer, type Server } from '../server/main'
import { PROMPTS_DIR, ROOT } from '../server/paths'
import { parsePromptFile, syncPrompts } from '../server/prompts/load'
import { Client } from './helpers/client'
import { loginAs, openBrowserPage } from './helpers/browser'
import { findChromium } from './helpers/env'
import { offerBrief } from './helpers/fixtures'
import { policyVariant } from './helpers/policy-copy'
import { silentLog } from '../server/log'

const executablePath = findChromium()
const WRITER = 'writer@copydesk.local'

/** UTC days, as the usage API counts them. */
const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10)
const now = new Date()
const [Y, M, D] = [now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()]
const THIS_MONTH = { from: utcDay(Y, M, 1), to: utcDay(Y, M + 1, 0) }
const LAST_MONTH = { from: utcDay(Y, M - 1, 1), to: utcDay(Y, M, 0) }

/**
 * prompts/offer.en.md as it was before its current version: without the knowledge-base examples.
 * Recorded before the server first starts, as a deployment that ran with it would have.
 */
function earlierOfferPrompt() {
  const file = path.join(PROMPTS_DIR, 'offer.en.md')
  const current = fs.readFileSync(file, 'utf8')
  const earlier = current
    .replace(/^version: \d+$/m, 'version: 1')
    .replace(/^changelog: .*$/m, 'changelog: "First version: the five-part offer formula, proofs never invented."')
    .replace('{{examples}}', '')
  expect(earlier).not.toBe(current)
  return parsePromptFile(path.join('prompts', 'offer.en.md'), earlier)
}

describe.skipIf(!executablePath)('browser: AI usage dashboard and the knowledge base (Debian chromium)', () => {
  let server: Server
  let browser: Browser
  let dataDir: string
  let policy: ReturnType<typeof policyVariant>
  const runs = { approved: '', rejected: '', waiting: '' }
  const approvedBrief = offerBrief({
    title: 'Booking page for pilates studios',
    audience: 'Owners of small pilates studios',
    inputs: {
      product: 'Flowbook',
      timeframe: 'within the first month',
      method: 'online booking with reminders',
      differentiator: 'set up in an afternoon',
    },
  })

  async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, ms = 30_000): Promise<T> {
    const end = Date.now() + ms
    for (;;) {
      const v = await read()
      if (done(v)) return v
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 300)}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  /** A run drafted by the offline engine, waiting at its first gate. */
  async function draft(writer: Client, brief: CreateBriefInput): Promise<string> {
    const created = await writer.post('/api/briefs', brief)
    expect(created.status).toBe(201)
    const run = await writer.post(`/api/briefs/${created.body.id}/runs`)
    expect(run.status).toBe(201)
    await until(
      'the draft',
      () => writer.get(`/api/runs/${run.body.id}`),
      (r) => r.body.status === 'awaiting_review',
    )
    return run.body.id
  }

  /** The editor decides the run's open release gate (the default policy gates safe copy with release only). */
  async function decide(editor: Client, runId: string, decision: 'pass' | 'reject', outcome: string) {
    const run = (await editor.get(`/api/runs/${runId}`)).body
    const gate = run.gates.find((g: { status: string }) => g.status === 'open')
    expect(gate.gate).toBe('release')
    const r = await editor.post(`/api/gates/${gate.id}/decision`, { decision, comment: decision === 'pass' ? '' : 'Off brand' })
    expect(r.status).toBe(200)
    await until(
      outcome,
      () => editor.get(`/api/runs/${runId}`),
      (x) => x.body.status === outcome,
    )
  }

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'build-ui-if-needed.mjs')], { stdio: 'inherit' })
    expect(built.status).toBe(0)
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-e2e-insights-'))
    // the writer's own budget is 0: spent from the start (the offline engine drafts anyway)
    policy = policyVariant((y) => y.replace('    per_user: 50\n', `    per_user: 50\n    users: { "${WRITER}": 0 }\n`))
    const config = loadConfig({ COPYDESK_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' })
    const db = await openConfiguredDatabase(config)
    await syncPrompts(db.sql, [earlierOfferPrompt()])
    await db.close()
    server = await startServer(config, { log: silentLog, policiesDir: policy.dir })
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })

    const client = () => new Client((p, init) => fetch(server.url + p, init))
    const writer = await client().login(WRITER)
    const editor = await client().login('editor@copydesk.local')
    runs.approved = await draft(writer, approvedBrief)
    runs.rejected = await draft(writer, offerBrief({ title: 'Booking page for yoga studios, first try' }))
    runs.waiting = await draft(writer, offerBrief({ title: 'Booking page for yoga studios, second try' }))
    await decide(editor, runs.approved, 'pass', 'approved')
    await decide(editor, runs.rejected, 'reject', 'rejected')
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
    policy?.dispose()
  })

  const openPage = () => openBrowserPage(browser)
  const login = (page: Page, email: string) => loginAs(page, server.url, email)

  const kpi = (page: Page, id: string) => page.getByTestId(`kpi-${id}`).getAttribute('data-value')

  it('the CMO answers from one screen: KPIs, usage, approvals, gates, blocks, budgets; filters in the URL; CSV links', {
    timeout: 120_000,
  }, async () => {
    const { context, page, pageErrors } = await openPage()
    await login(page, 'cmo@copydesk.local')
    // the CMO lands on the dashboard
    await expect.poll(() => page.url()).toBe(`${server.url}/dashboard`)
    expect(await page.getByTestId('nav-usage').count()).toBe(0)
    await page.getByTestId('nav-dashboard').click()
    await expect.poll(() => page.getByTestId('dashboard-page').isVisible()).toBe(true)
    expect(page.url()).toBe(`${server.url}/dashboard`)

    // this month: three offline drafts, one approved, one rejected, one waiting at release
    await expect.poll(() => kpi(page, 'calls'), { timeout: 15_000 }).toBe('3')
    expect(await kpi(page, 'cost')).toBe('0')
    await expect.poll(() => kpi(page, 'approval-rate')).toBe('0.5')
    expect(await kpi(page, 'without-rework')).toBe('1')
    // 100% without rework is above the 70-85% band: flagged, not praised
    expect(await page.getByTestId('kpi-without-rework').getAttribute('data-tone')).toBe('warn')
    expect(await page.getByTestId('kpi-without-rework').innerText()).toContain('target 70%–85%')
    expect(await kpi(page, 'ai-share')).toBe('1')
    await expect.poll(() => kpi(page, 'overdue')).toBe('0')
    await expect.poll(() => kpi(page, 'budget-refusals')).toBe('0')
    expect(await kpi(page, 'pii-blocks')).toBe('0')
    expect(await page.getByTestId('kpi-cost').innerText()).toContain('$0')

    for (const [field, n] of [
      ['runs', 3],
      ['approved', 1],
      ['rejected', 1],
      ['inReview', 1],
      ['approvedWithoutRework', 1],
    ] as const) {
      expect(await page.getByTestId(`approvals-${field}`).getAttribute('data-value')).toBe(String(n))
    }
    const writerRow = page.locator('[data-testid="breakdown-row"]', { hasText: WRITER })
    expect(await writerRow.getAttribute('data-calls')).toBe('3')
    expect(await writerRow.innerText()).toContain('demo') // the writer's team
    await page.getByTestId('breakdown-dim-model').click()
    expect(await page.locator('[data-testid="breakdown-table"][data-dimension="model"]').innerText()).toContain('copydesk-offline-1')
    // the charts are drawn (recharts, from the lazy dashboard chunk)
    await expect.poll(() => page.locator('[data-testid="usage-series-chart"] .recharts-bar-rectangle').count()).toBeGreaterThan(0)
    await expect.poll(() => page.locator('[data-testid="breakdown-chart"] .recharts-bar-rectangle').count()).toBe(1)
    await page.getByText('Show as a table').click()
    expect(await page.locator(`[data-testid="usage-series-row"][data-bucket="${utcDay(Y, M, D)}"]`).getAttribute('data-calls')).toBe('3')

    const release = page.locator('[data-testid="gates-row"][data-gate="release"]')
    expect(await release.getAttribute('data-decided')).toBe('2')
    expect(await release.getAttribute('data-open')).toBe('1')
    expect(await page.getByTestId('overdue-empty').isVisible()).toBe(true)
    expect(
      await page.locator('[data-testid="blocked-decision-row"][data-gate="release"][data-decision="reject"]').getAttribute('data-count'),
    ).toBe('1')
    await expect.poll(() => page.locator(`[data-testid="budget-row"][data-name="${WRITER}"]`).getAttribute('data-state')).toBe('over')
    expect(await page.locator('[data-testid="budget-row"][data-scope="team"][data-name="demo"]').getAttribute('data-state')).toBe('ok')

    // each view downloads as CSV for the same filters
    const summaryCsv = `/api/usage/summary?from=${THIS_MONTH.from}&to=${THIS_MONTH.to}&format=csv`
    expect(await page.getByTestId('csv-summary').getAttribute('href')).toBe(summaryCsv)
    expect(await page.getByTestId('csv-overdue').getAttribute('href')).toBe(
      `/api/usage/gates?from=${THIS_MONTH.from}&to=${THIS_MONTH.to}&format=csv&list=overdue`,
    )
    expect(await page.getByTestId('csv-log').getAttribute('href')).toBe(`/api/usage/log.csv?from=${THIS_MONTH.from}&to=${THIS_MONTH.to}`)
    await page.getByTestId('audit-log-action').selectOption('llm.call')
    expect(await page.getByTestId('csv-log').getAttribute('href')).toBe(
      `/api/usage/log.csv?from=${THIS_MONTH.from}&to=${THIS_MONTH.to}&action=llm.call`,
    )
    // the proof that the log was not edited, from the same screen
    await page.getByTestId('audit-verify-button').click()
    const verified = page.getByTestId('audit-verify-result')
    await expect.poll(() => verified.getAttribute('data-ok'), { timeout: 30_000 }).toBe('true')
    expect(Number(await verified.getAttribute('data-rows'))).toBeGreaterThan(10)
    expect(await verified.innerText()).toMatch(/[0-9a-f]{64}/)
    const csv = await context.request.get(server.url + summaryCsv)
    expect(csv.status()).toBe(200)
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/)
    const lines = (await csv.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/)
    expect(lines[0]).toBe('section,key,label,calls,failed,tokens_in,tokens_out,cost_usd')
    expect(lines[1]).toMatch(/^total,,,3,0,/)

    // last month: the URL says so, and nothing happened then
    await page.getByTestId('dashboard-period').selectOption('last-month')
    await expect.poll(() => page.url()).toBe(`${server.url}/dashboard?period=last-month`)
    expect(await page.getByTestId('dashboard-period-label').getAttribute('data-from')).toBe(LAST_MONTH.from)
    await expect.poll(() => kpi(page, 'calls')).toBe('0')
    await expect.poll(() => page.getByTestId('approvals-runs').getAttribute('data-value')).toBe('0')
    expect(await kpi(page, 'approval-rate')).toBe('')
    expect(await page.getByTestId('dashboard-usage-empty').isVisible()).toBe(true)
    expect(await page.getByTestId('csv-summary').getAttribute('href')).toBe(
      `/api/usage/summary?from=${LAST_MONTH.from}&to=${LAST_MONTH.to}&format=csv`,
    )

    // a linked view opens as it was shared; a kind narrows it, Clear widens it again
    await page.goto(`${server.url}/dashboard?period=last-90-days&kind=headlines`)
    await expect.poll(() => page.getByTestId('dashboard-period').inputValue()).toBe('last-90-days')
    expect(await page.getByTestId('dashboard-kind').inputValue()).toBe('headlines')
    await expect.poll(() => kpi(page, 'calls')).toBe('0')
    await page.getByTestId('dashboard-clear').click()
    await expect.poll(() => page.url()).toBe(`${server.url}/dashboard?period=last-90-days`)
    await expect.poll(() => kpi(page, 'calls')).toBe('3')

    // a user typed into the filter bar; an e-mail that is no e-mail is refused before any request
    await page.getByTestId('dashboard-user').fill('not an e-mail')
    await page.getByTestId('dashboard-apply').click()
    expect(await page.getByTestId('dashboard-filter-error').isVisible()).toBe(true)
    await page.getByTestId('dashboard-user').fill('editor@copydesk.local')
    await page.getByTestId('dashboard-apply').click()
    await expect.poll(() => page.url()).toContain('user=editor%40copydesk.local')
    await expect.poll(() => kpi(page, 'calls')).toBe('0')

    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('a writer sees their own usage, their spent budget, and the notice before drafting', { timeout: 60_000 }, async () => {
    const { context, page, pageErrors } = await openPage()
    await login(page, WRITER)
    expect(await page.getByTestId('nav-dashboard').count()).toBe(0)
    await page.getByTestId('nav-usage').click()
    await expect.poll(() => page.getByTestId('my-usage-page').isVisible()).toBe(true)
    expect(await kpi(page, 'my-calls')).toBe('3')
    expect(await page.getByTestId('budget-alert').getAttribute('data-state')).toBe('over')
    expect(await page.locator('[data-testid="budget-row"][data-scope="user"]').getAttribute('data-state')).toBe('over')
    await expect.poll(() => page.locator('[data-testid="my-usage-kind-row"][data-key="offer"]').getAttribute('data-calls')).toBe('3')

    await page.goto(`${server.url}/dashboard`)
    await expect.poll(() => page.getByTestId('dashboard-forbidden').isVisible()).toBe(true)

    await page.getByTestId('nav-new-brief').click()
    const notice = page.locator('[data-testid="budget-alert-line"][data-scope="user"]')
    await expect.poll(() => notice.getAttribute('data-state')).toBe('over')
    expect(await notice.innerText()).toContain('The model will not be called; the offline engine drafts.')

    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('notification settings: a daily digest at a chosen hour, kept after a reload; what this server cannot send is said', {
    timeout: 60_000,
  }, async () => {
    const { context, page, pageErrors } = await openPage()
    await login(page, WRITER)
    await page.getByTestId('nav-settings').click()
    // this server has neither SMTP nor a Telegram bot: the choices are kept for when it does
    await expect.poll(() => page.getByTestId('settings-no-email').isVisible()).toBe(true)
    expect(await page.getByTestId('settings-no-telegram').isVisible()).toBe(true)
    expect(await page.getByTestId('settings-digest-hour').isDisabled()).toBe(true) // nothing comes by digest yet
    // a click, then the saved state: the screen shows the choice once the change is under way
    await page.getByTestId('settings-email-digest').click()
    await expect.poll(() => page.getByTestId('settings-email-digest').isChecked()).toBe(true)
    await expect.poll(() => page.getByTestId('settings-saved').isVisible()).toBe(true)
    await expect.poll(() => page.getByTestId('settings-digest-hour').isEnabled()).toBe(true)
    await page.getByTestId('settings-digest-hour').selectOption('7')
    await expect.poll(() => page.evaluate(async () => (await (await fetch('/api/me/notifications')).json()).digestHour)).toBe(7)
    await page.reload()
    await expect.poll(() => page.getByTestId('settings-email-digest').isChecked()).toBe(true)
    expect(await page.getByTestId('settings-digest-hour').inputValue()).toBe('7')
    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('the knowledge base: a highlighted search, the record, a rating, tags, and a new brief from it', { timeout: 90_000 }, async () => {
    const { context, page, pageErrors } = await openPage()
    await login(page, WRITER)
    await page.getByTestId('nav-kb').click()
    await expect.poll(() => page.getByTestId('kb-page').isVisible()).toBe(true)
    // a writer sees approved results and their own work
    await expect.poll(() => page.getByTestId('kb-total').getAttribute('data-total')).toBe('3')

    await page.getByTestId('kb-q').fill('Flowbook')
    await page.getByTestId('kb-search-submit').click()
    await expect.poll(() => page.url()).toBe(`${server.url}/kb?q=Flowbook`)
    await expect.poll(() => page.getByTestId('kb-total').getAttribute('data-total')).toBe('1')
    const result = page.getByTestId('kb-result')
    expect(await result.getAttribute('data-run')).toBe(runs.approved)
    expect(await result.getAttribute('data-outcome')).toBe('approved')
    const marks = await result.getByTestId('kb-mark').allInnerTexts()
    expect(marks.length).toBeGreaterThan(0)
    expect(marks.every((m) => m.toLowerCase() === 'flowbook')).toBe(true)
    // the snippet is the API's plain text, marked by its offsets
    const api = await page.evaluate(async () => (await fetch('/api/kb/results?q=Flowbook')).json())
    expect(await result.getByTestId('kb-snippet').textContent()).toBe(api.items[0].snippet)

    // the outcome filter, also in the URL
    await page.getByTestId('kb-clear').click()
    await page.getByTestId('kb-outcome').selectOption('rejected')
    await expect.poll(() => page.url()).toBe(`${server.url}/kb?outcome=rejected`)
    await expect.poll(() => page.getByTestId('kb-result').getAttribute('data-run')).toBe(runs.rejected)

    await page.goto(`${server.url}/kb?q=Flowbook`)
    await page.getByTestId('kb-result-link').click()
    await expect.poll(() => page.url()).toBe(`${server.url}/kb/results/${runs.approved}`)
    await expect.poll(() => page.getByTestId('kb-record-title').innerText()).toBe(approvedBrief.title)
    expect(await page.getByTestId('kb-final-text').innerText()).toContain('Flowbook')
    expect(await page.locator('[data-testid="kb-decision"][data-gate="release"]').getAttribute('data-decision')).toBe('pass')
    expect(await page.getByTestId('kb-draft').count()).toBe(1)

    // its author may not rate it (ratings rank the examples a model is shown): the form is not there
    expect(await page.getByTestId('kb-rate-not').isVisible()).toBe(true)
    expect(await page.getByTestId('kb-rating-form').count()).toBe(0)

    // the editor who passed it rates it: a click on the third star, then the arrow key moves to the fourth
    const reviewer = await openPage()
    await login(reviewer.page, 'editor@copydesk.local')
    await reviewer.page.goto(`${server.url}/kb/results/${runs.approved}`)
    await reviewer.page.getByTestId('kb-star-3').click()
    await reviewer.page.getByTestId('kb-star-input-3').focus()
    await reviewer.page.keyboard.press('ArrowRight')
    expect(await reviewer.page.getByTestId('kb-star-input-4').isChecked()).toBe(true)
    await reviewer.page.getByTestId('kb-rating-comment').fill('Clear structure, reuse for studios')
    await reviewer.page.getByTestId('kb-rate-submit').click()
    await expect.poll(() => reviewer.page.getByTestId('kb-rating-avg').getAttribute('data-avg')).toBe('4')
    expect(reviewer.pageErrors).toEqual([])
    await reviewer.context.close()
    await page.reload()
    await expect.poll(() => page.getByTestId('kb-rating-avg').getAttribute('data-avg')).toBe('4')
    expect(await page.getByTestId('kb-rating-avg').getAttribute('data-count')).toBe('1')
    await expect.poll(() => page.getByTestId('kb-rating').getAttribute('data-rating')).toBe('4')

    // tags: normalised, removable, refused with the reason when invalid
    await page.getByTestId('kb-tag-input').fill('Studio  Launch')
    await page.getByTestId('kb-tag-add').click()
    await expect.poll(() => page.getByTestId('kb-tag-chip').getAttribute('data-tag')).toBe('studio launch')
    await page.getByTestId('kb-tag-input').fill('draft')
    await page.getByTestId('kb-tag-add').click()
    await expect.poll(() => page.getByTestId('kb-tag-chip').count()).toBe(2)
    await page.locator('[data-testid="kb-tag-chip"][data-tag="draft"]').getByTestId('kb-tag-remove').click()
    await expect.poll(() => page.getByTestId('kb-tag-chip').count()).toBe(1)
    await page.getByTestId('kb-tag-input').fill('<b>bold</b>')
    await page.getByTestId('kb-tag-add').click()
    await expect.poll(() => page.getByTestId('kb-tag-error').isVisible()).toBe(true)
    expect(await page.getByTestId('kb-tag-chip').count()).toBe(1)

    // the tag finds the result in the archive
    await page.getByTestId('kb-tag-chip').getByRole('link').click()
    await expect.poll(() => page.url()).toBe(`${server.url}/kb?tag=studio+launch`)
    await expect.poll(() => page.getByTestId('kb-result').getAttribute('data-run')).toBe(runs.approved)
    expect(await page.getByTestId('kb-result').getByTestId('kb-rating-avg').getAttribute('data-avg')).toBe('4')

    // start a new brief from it: the form is filled in, nothing is sent yet
    await page.getByTestId('kb-result-link').click()
    await page.getByTestId('kb-reuse').click()
    await expect.poll(() => page.getByTestId('brief-reused').getAttribute('data-run')).toBe(runs.approved)
    expect(page.url()).toBe(`${server.url}/briefs/new`)
    expect(await page.getByTestId('brief-kind').inputValue()).toBe('offer')
    expect(await page.getByTestId('brief-title').inputValue()).toBe(approvedBrief.title)
    expect(await page.getByTestId('brief-audience').inputValue()).toBe(approvedBrief.audience)
    await expect.poll(() => page.getByTestId('brief-channel').inputValue()).toBe(approvedBrief.channel) // once the policy's channels load
    expect(await page.getByTestId('brief-inputs-product').inputValue()).toBe('Flowbook')
    expect(await page.getByTestId('brief-deadline').inputValue()).toBe(utcDay(Y, M, D + 7))
    // a reload keeps the form as it is now (the result is not loaded over it again)
    await page.getByTestId('brief-title').fill('Booking page for pilates studios, spring')
    await page.waitForTimeout(500) // the form saves a moment after typing stops
    await page.reload()
    await expect.poll(() => page.getByTestId('brief-title').inputValue()).toBe('Booking page for pilates studios, spring')
    expect(await page.getByTestId('brief-inputs-product').inputValue()).toBe('Flowbook')

    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('the prompt library: every version with its record, one version with its changes, two side by side', { timeout: 60_000 }, async () => {
    const { context, page, pageErrors } = await openPage()
    await login(page, WRITER)
    await page.getByTestId('nav-kb').click()
    await page.getByTestId('kb-tab-prompts').click()
    await expect.poll(() => page.getByTestId('prompts-page').isVisible()).toBe(true)
    const library = await page.evaluate(async () => (await fetch('/api/kb/prompts')).json())
    await expect.poll(() => page.getByTestId('prompt-family').count()).toBe(library.length)

    // offer/en had two versions (the earlier one recorded before the server started); the others one each
    const offer = page.locator('[data-testid="prompt-family"][data-id="offer"][data-lang="en"]')
    const versions: string[] = library
      .find((f: { id: string; lang: string }) => f.id === 'offer' && f.lang === 'en')
      .versions.map((v: { version: string }) => v.version)
    expect(versions).toHaveLength(2)
    expect(versions[0]).toMatch(/^1\./)
    expect(await offer.getAttribute('data-versions')).toBe('2')
    const [first, current] = versions as [string, string]
    expect(await offer.locator(`[data-testid="prompt-version-row"][data-version="${first}"]`).getAttribute('data-runs')).toBe('0')
    const currentRow = offer.locator(`[data-testid="prompt-version-row"][data-version="${current}"]`)
    expect(await currentRow.getAttribute('data-runs')).toBe('3')
    expect(await currentRow.getAttribute('data-approved')).toBe('1')
    expect(await currentRow.locator('[data-stat="approvalRate"]').innerText()).toBe('50%')
    const single = library.filter((f: { versions: unknown[] }) => f.versions.length === 1).length
    expect(single).toBeGreaterThan(0)
    expect(await page.getByTestId('prompt-single-version').count()).toBe(single)

    // the current version: its text, and the lines changed since the first
    await currentRow.getByTestId('prompt-version-link').click()
    await expect.poll(() => page.getByTestId('prompt-version-page').getAttribute('data-version')).toBe(current)
    expect(await page.getByTestId('prompt-body').innerText()).toMatch(/^# system\n/)
    expect(await page.locator('[data-testid="prompt-diff-line"][data-op="add"]').allInnerTexts()).toEqual([
      expect.stringContaining('{{examples}}{{feedback}}'),
    ])
    expect(await page.locator('[data-testid="prompt-diff-line"][data-op="del"]').allInnerTexts()).toEqual([
      expect.stringContaining('{{feedback}}'),
    ])

    // the two side by side, picked in the library
    await page.goto(`${server.url}/kb/prompts`)
    expect(await offer.getByTestId('prompt-compare-a').inputValue()).toBe(first)
    expect(await offer.getByTestId('prompt-compare-b').inputValue()).toBe(current)
    await offer.getByTestId('prompt-compare-submit').click()
    await expect.poll(() => page.getByTestId('prompt-compare-page').isVisible()).toBe(true)
    expect(page.url()).toBe(`${server.url}/kb/prompts/offer/en/compare?a=${encodeURIComponent(first)}&b=${encodeURIComponent(current)}`)
    expect(await page.getByTestId('prompt-compare-runs').innerText()).toMatch(/^Runs\s+0\s+3$/)
    expect(await page.getByTestId('prompt-diff-stats').getAttribute('data-added')).toBe('1')
    expect(await page.getByTestId('prompt-diff-stats').getAttribute('data-removed')).toBe('1')

    expect(pageErrors).toEqual([])
    await context.close()
  })
})
