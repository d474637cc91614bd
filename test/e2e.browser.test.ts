import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Readable } from 'node:stream'
import { runCli } from '../server/cli'
import { loadConfig } from '../server/config'
import { startServer, type Server } from '../server/main'
import { ROOT } from '../server/paths'
import { loginAs, openBrowserPage, startRunFromPage } from './helpers/browser'
import { findChromium } from './helpers/env'
import { headlinesBrief, interviewBrief, medicalOfferBrief, offerBrief, seoBrief } from './helpers/fixtures'
import { loadInterviews } from './helpers/interviews'
import { loadSeoFixture, seoFixturePath } from './helpers/seo-fixtures'
import { silentLog } from '../server/log'
import { receiver, verify } from './helpers/handoff-receiver'
import { smtpSink } from './helpers/smtp-sink'

const executablePath = findChromium()
const EDITOR2_PASSWORD = 'second-editor-password'
// Where README's screenshots come from: `SCREENSHOTS=1 npx vitest run test/e2e.browser.test.ts`.
const SHOTS = process.env.SCREENSHOTS === '1' ? path.join(ROOT, 'docs') : undefined

type OfferBrief = ReturnType<typeof offerBrief>

describe.skipIf(!executablePath)('browser: briefs, policy gates and reviews (Debian chromium)', () => {
  let server: Server
  let browser: Browser
  let dataDir: string
  let cms: Awaited<ReturnType<typeof receiver>>
  let smtp: Awaited<ReturnType<typeof smtpSink>>

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'build-ui-if-needed.mjs')], { stdio: 'inherit' })
    expect(built.status).toBe(0)
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-e2e-'))
    // a second editor, as an operator adds one, for reviews handed around within a role
    const stdin = Readable.from([`${EDITOR2_PASSWORD}\n`])
    const added = await runCli(
      ['user', 'add', 'editor2@copydesk.local', '--roles', 'editor', '--name', 'Second editor'],
      { out: () => {}, err: console.error, stdin },
      {
        COPYDESK_DATA_DIR: dataDir,
      },
    )
    expect(added).toBe(0)
    // approved copy is handed off to a CMS stand-in, as an operator configures it
    cms = await receiver()
    // e-mail goes to a real SMTP server started here, as an operator configures one
    smtp = await smtpSink()
    server = await startServer(
      loadConfig({
        COPYDESK_DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        COPYDESK_HANDOFF_URL: cms.url,
        COPYDESK_HANDOFF_SECRET: 'e2e-secret',
        COPYDESK_SMTP_URL: smtp.url,
        COPYDESK_PUBLIC_URL: 'https://copydesk.example.com',
      }),
      { log: silentLog },
    )
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await cms?.close()
    await smtp?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const openPage = () => openBrowserPage(browser)
  const login = (page: Page, email: string) => loginAs(page, server.url, email)

  async function logout(page: Page) {
    await page.getByTestId('nav-logout').click()
    await expect.poll(() => page.getByTestId('login-email').isVisible()).toBe(true)
  }

  /** Fills the rest of the offer form from a fixture; the title and kind are set by the caller. */
  async function fillOfferBrief(page: Page, brief: OfferBrief) {
    await fillCommon(page, brief)
    const inputs = brief.inputs ?? {}
    if (inputs.product) await page.getByTestId('brief-inputs-product').fill(inputs.product)
    if (inputs.timeframe) await page.getByTestId('brief-inputs-timeframe').fill(inputs.timeframe)
    if (inputs.method) await page.getByTestId('brief-inputs-method').fill(inputs.method)
    if (inputs.differentiator) await page.getByTestId('brief-inputs-differentiator').fill(inputs.differentiator)
    if (inputs.proofs) await page.getByTestId('brief-inputs-proofs').fill(inputs.proofs.join('\n')) // one per line
  }

  /** The fields every kind of brief shares. */
  async function fillCommon(page: Page, brief: Omit<OfferBrief, 'kind' | 'inputs'>) {
    await page.getByTestId('brief-audience').fill(brief.audience)
    await page.getByTestId('brief-task').fill(brief.task)
    await page.getByTestId('brief-offer').fill(brief.offer)
    await page.getByTestId('brief-format').fill(brief.format)
    await page.getByTestId('brief-channel').selectOption(brief.channel) // the policy's channels
    // what is advertised: the form asks for a choice; 'infer' leaves it to the text
    await page.getByTestId('brief-advertised').selectOption((brief as { advertised?: string }).advertised ?? ':infer')
    await page.getByTestId('brief-deadline').fill(brief.deadline)
    await page.getByTestId('brief-qualityCriteria').fill(brief.qualityCriteria)
    await page.getByTestId('brief-successMetrics').fill(brief.successMetrics)
  }

  const runStatus = (page: Page) => page.getByTestId('run-status').getAttribute('data-status')

  /**
   * The writer, logged in on `page`, briefs a safe offer and starts its run through the API from the
   * page (the form has its own test); the run's URL once it waits at the release gate.
   */
  const safeOfferAtGate = (page: Page, title: string) => briefAtGate(page, offerBrief({ title }))

  /** The same for any offer brief: the run's URL once it waits at its first gate. */
  async function briefAtGate(page: Page, offer: OfferBrief): Promise<string> {
    await login(page, 'writer@copydesk.local')
    const runId = await startRunFromPage(page, offer)
    await page.goto(`${server.url}/runs/${runId}`)
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('awaiting_review')
    return page.url()
  }
  /** Selects `words` in the draft text as a reader would with the mouse (its first occurrence). */
  async function selectInDraft(page: Page, words: string) {
    await page.getByTestId('draft-text').evaluate((el, words) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(words)
        if (at < 0) continue
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + words.length)
        document.getSelection()!.removeAllRanges()
        document.getSelection()!.addRange(range)
        document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
        return
      }
      throw new Error(`not in the draft: ${words}`)
    }, words)
  }
  const gateRow = (page: Page, gate: string) => page.locator(`[data-testid="gate-row"][data-gate="${gate}"]`)

  /** From the review queue to the run of one gate. */
  async function openReview(page: Page, gate: string, runUrl: string) {
    await page.getByTestId('nav-reviews').click()
    const item = page.locator(`[data-testid="review-item"][data-gate="${gate}"]`)
    await expect.poll(() => item.count()).toBe(1)
    expect(await item.getByTestId('review-escalated').count()).toBe(0)
    await item.click()
    await expect.poll(() => page.url()).toBe(runUrl)
    await expect.poll(() => page.locator(`[data-testid="decision-panel"][data-gate="${gate}"]`).isVisible()).toBe(true)
    // The default policy lets nobody waive a gate.
    expect(await page.getByTestId('decision-waive').count()).toBe(0)
  }

  it('walks the whole flow in the UI', async () => {
    const { context, page, pageErrors } = await openPage()
    const brief = offerBrief() // safe copy: the default policy gates it with release only

    await page.goto(`${server.url}/`)
    await page.getByTestId('login-email').fill('writer@copydesk.local')
    await page.getByTestId('login-password').fill('wrong')
    await page.getByTestId('login-submit').click()
    await expect.poll(() => page.getByTestId('login-error').isVisible()).toBe(true)
    await login(page, 'writer@copydesk.local')

    await page.getByTestId('nav-new-brief').click()
    await page.getByTestId('brief-kind').selectOption('offer')
    await page.getByTestId('brief-title').fill(brief.title)
    await page.getByTestId('brief-submit').click()
    // inline errors from the shared zod schema, nothing typed is lost
    await expect.poll(() => page.getByTestId('field-error-audience').isVisible()).toBe(true)
    expect(await page.getByTestId('brief-title').inputValue()).toBe(brief.title)

    await fillOfferBrief(page, brief)
    await page.getByTestId('brief-submit').click()

    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('awaiting_review')
    expect(await page.getByTestId('draft-text').textContent()).toContain('StudioDesk')
    expect(await page.getByTestId('offer-variant').count()).toBe(3)
    expect(await page.getByTestId('engine-badge').first().innerText()).toMatch(/offline/i)
    expect(await page.getByTestId('decision-pass').count()).toBe(0) // the author gets no decision panel
    expect(await page.getByTestId('decision-bar').count()).toBe(0) // …nor the bar that leads to one
    expect(await page.locator('[data-testid="gate-row"]').count()).toBe(1) // release only
    const runUrl = page.url()
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'screenshot-run.png'), fullPage: true })
    // the writer's list says where the brief stands
    await page.getByTestId('nav-briefs').click()
    await expect.poll(() => page.getByTestId('brief-status').first().getAttribute('data-status')).toBe('awaiting_review')
    await logout(page)

    await login(page, 'editor@copydesk.local')
    // a reviewer lands on their queue, where their work is
    await expect.poll(() => page.url()).toBe(`${server.url}/reviews`)
    await openReview(page, 'release', runUrl)
    // the bar at the bottom of the screen leads to the decision, its comment field ready
    await page.getByTestId('decision-bar-jump').click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^decision-comment-/)
    await page.getByTestId('decision-comment').fill('Clear and honest, ship it')
    await page.getByTestId('decision-pass').click()
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('approved')
    await expect.poll(() => gateRow(page, 'release').getAttribute('data-status')).toBe('passed')
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'screenshot-approved.png'), fullPage: true })

    // the approved text leaves with its proof: a file, or copied exactly as approved
    await page.getByTestId('approved-export').waitFor()
    const md = await page.request.get(`${server.url}${await page.getByTestId('export-md').getAttribute('href')}`)
    expect(md.status()).toBe(200)
    expect(await md.text()).toMatch(/release: (passed|одобрена), editor@copydesk\.local/)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    await page.getByTestId('export-copy').click()
    await expect.poll(() => page.getByTestId('export-copy').innerText()).toMatch(/Copied|Скопировано/)
    const approved = await (await page.request.get(`${server.url}/api/runs/${runUrl.split('/').at(-1)}/export`)).json()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(approved.text)
    // …and reached the CMS on its own, signed: the receiver checks the signature with its secret
    const eventId = `content.approved:${approved.runId}`
    await expect.poll(() => cms.got.filter((r) => r.eventId === eventId).length, { timeout: 15_000 }).toBe(1)
    const delivered = cms.got.find((r) => r.eventId === eventId)!
    expect(verify(delivered, 'e2e-secret')).toBe(true)
    expect(JSON.parse(delivered.body)).toEqual(approved)

    // on a phone the navigation folds behind the menu button, and closes once a page is picked
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await page.getByTestId('nav-reviews').isVisible()).toBe(false)
    await page.getByTestId('nav-menu').click()
    await page.getByTestId('nav-reviews').click()
    await expect.poll(() => page.url()).toBe(`${server.url}/reviews`)
    await expect.poll(() => page.getByTestId('nav-reviews').isVisible()).toBe(false)
    expect(await page.getByTestId('nav-menu').getAttribute('aria-expanded')).toBe('false')
    await page.setViewportSize({ width: 1280, height: 900 })

    // Russian UI for a Russian browser
    const ru = await browser.newContext({ locale: 'ru-RU' })
    const ruPage = await ru.newPage()
    await ruPage.goto(`${server.url}/`)
    expect(await ruPage.getByTestId('login-submit').innerText()).toMatch(/[а-яё]/i)
    await ru.close()

    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('risky copy: highlighted risks, claims checked with sources, three different reviewers', { timeout: 240_000 }, async () => {
    const { context, page, pageErrors } = await openPage()
    const brief = medicalOfferBrief() // a CRM sold to dental clinics: numbers (claims), a guarantee (legal promise)

    // The writer drafts it and sees what the policy marked, but decides nothing.
    await login(page, 'writer@copydesk.local')
    await page.getByTestId('nav-new-brief').click()
    await page.getByTestId('brief-kind').selectOption('offer')
    await page.getByTestId('brief-title').fill(brief.title)
    await fillOfferBrief(page, brief)
    await page.getByTestId('brief-submit').click()
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('awaiting_review')
    const runUrl = page.url()
    const runId = runUrl.split('/runs/')[1]!

    const run = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/runs/${runId}`)
    expect(run.gates.map((g: { gate: string }) => g.gate)).toEqual(['fact_check', 'legal_review', 'release'])
    // Highlighting never changes the text itself.
    expect(await page.getByTestId('draft-text').textContent()).toBe(run.draft.text)
    expect(await page.getByTestId('risk-span').count()).toBeGreaterThan(0)
    // a CRM sold to dental clinics does not advertise medicine (issue 15): no art. 24 marks
    expect(await page.locator('[data-testid="risk-span"][data-categories~="medicine"]').count()).toBe(0)
    expect(await page.locator('[data-testid="risk-span"][data-categories~="factual_claim"]').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-testid="risk-span"][data-rules~="en-guarantee"]').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('risk-item').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('pii-warning').count()).toBe(0)
    await page.getByTestId('risk-span').first().hover()
    await expect.poll(() => page.getByTestId('risk-tooltip').innerText()).toMatch(/How to fix/)
    // Keyboard: one tab stop, arrows move between highlights, the tooltip follows the focus.
    await page.getByTestId('risk-span').first().focus()
    await page.keyboard.press('ArrowRight')
    expect(
      await page
        .getByTestId('risk-span')
        .nth(1)
        .evaluate((el) => el === document.activeElement),
    ).toBe(true)
    expect(await page.getByTestId('risk-span').nth(1).getAttribute('aria-describedby')).toBeTruthy()
    expect(await page.getByTestId('decision-panel').count()).toBe(0)
    expect(await page.getByTestId('claim-verify').first().isDisabled()).toBe(true) // not the author's job
    expect(await page.getByTestId('run-policy-version').getAttribute('data-version')).toBe(run.policyVersion)
    await logout(page)

    // The fact-checker cannot pass while claims are pending; verifies each with a source, then passes.
    await login(page, 'factcheck@copydesk.local')
    await openReview(page, 'fact_check', runUrl)
    const claims = page.getByTestId('claim-row')
    const total = await claims.count()
    expect(total).toBe(run.claims.length)
    expect(total).toBeGreaterThan(0)
    expect(await page.getByTestId('decision-pass').isDisabled()).toBe(true)
    expect(await page.getByTestId('decision-blocked').innerText()).toMatch(/not verified/)
    // A claim cannot be verified without saying where.
    await claims.first().getByTestId('claim-verify').click()
    await expect.poll(() => claims.first().getByTestId('claim-error').isVisible()).toBe(true)
    for (let i = 0; i < total; i++) {
      const row = claims.nth(i)
      await row.getByTestId('claim-source').fill(`Clinic CRM export, report ${i + 1}`)
      await row.getByTestId('claim-verify').click()
      await expect.poll(() => row.getAttribute('data-status')).toBe('verified')
    }
    expect(await page.getByTestId('claims-progress').innerText()).toBe(`${total} / ${total} verified`)
    await expect.poll(() => page.getByTestId('decision-pass').isEnabled()).toBe(true)
    await page.getByTestId('decision-pass').click()
    await expect.poll(() => gateRow(page, 'fact_check').getAttribute('data-status')).toBe('passed')
    await expect.poll(() => gateRow(page, 'legal_review').getAttribute('data-status'), { timeout: 30_000 }).toBe('open')
    await logout(page)

    // Legal reviews the marked risks and passes.
    await login(page, 'legal@copydesk.local')
    await openReview(page, 'legal_review', runUrl)
    expect(await page.getByTestId('risk-span').count()).toBeGreaterThan(0)
    // the draft's list, and beside it the brief's own risks (legal sees both)
    expect(await page.locator('[data-testid="risk-item"][data-category="legal_promise"]:not([data-testid="brief-risks"] *)').count()).toBe(
      1,
    )
    expect(await page.getByTestId('brief-risks').isVisible()).toBe(true)
    expect(await page.getByTestId('claim-verify').count()).toBe(0) // the fact check is closed
    if (SHOTS) {
      await page.locator('[data-testid="risk-span"][data-categories~="legal_promise"]').first().hover()
      await page.getByTestId('risk-tooltip').waitFor()
      await page.screenshot({ path: path.join(SHOTS, 'screenshot-review.png') })
    }
    await page
      .getByTestId('decision-comment')
      .fill('Guarantee terms are in the contract; medical words are about the clinic, not a treatment.')
    await page.getByTestId('decision-pass').click()
    await expect.poll(() => gateRow(page, 'legal_review').getAttribute('data-status')).toBe('passed')
    await expect.poll(() => gateRow(page, 'release').getAttribute('data-status'), { timeout: 30_000 }).toBe('open')
    await logout(page)

    // The editor releases it.
    await login(page, 'editor@copydesk.local')
    await openReview(page, 'release', runUrl)
    await page.getByTestId('decision-pass').click()
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('approved')
    const deciders: Record<string, string | null> = {}
    for (const gate of ['fact_check', 'legal_review', 'release']) {
      await expect.poll(() => gateRow(page, gate).getAttribute('data-status')).toBe('passed')
      deciders[gate] = await gateRow(page, gate).getAttribute('data-decided-by')
    }
    expect(deciders).toEqual({
      fact_check: 'factcheck@copydesk.local',
      legal_review: 'legal@copydesk.local',
      release: 'editor@copydesk.local',
    })

    // The policy behind it, read-only, for every role.
    await page.getByTestId('nav-policy').click()
    await expect.poll(() => page.getByTestId('policy-page').isVisible()).toBe(true)
    expect(await page.getByTestId('policy-rule').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-testid="policy-rule"][data-rule="en-guarantee"]').count()).toBe(1)
    expect(await page.locator('[data-testid="policy-channel"][data-paid]').count()).toBeGreaterThan(0)
    // The top of the page: the settings, the gates, the category map and the first rules.
    if (SHOTS)
      await page.screenshot({
        path: path.join(SHOTS, 'screenshot-policy.png'),
        fullPage: true,
        clip: { x: 0, y: 0, width: 1280, height: 1700 },
      })

    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('personal data in a brief: found as typed, a false positive dismissed with a reason, a checksummed id locked', {
    timeout: 120_000,
  }, async () => {
    const { context, page, pageErrors } = await openPage()
    // What the guard finds here (POST /api/briefs/pii-check): "Kate Morgan" (PERSON) and the e-mail (EMAIL).
    const audience = 'Owners of small yoga studios like the one Kate Morgan runs (kate.morgan@gmail.com)'
    const brief = offerBrief({ title: 'Booking page for yoga studios, with our mascot', audience })
    const panel = page.getByTestId('pii-panel')
    const finding = (type: string) => page.locator(`[data-testid="pii-finding"][data-type="${type}"]`)
    const person = finding('PERSON')

    await login(page, 'writer@copydesk.local')
    await page.getByTestId('nav-new-brief').click()
    await page.getByTestId('brief-kind').selectOption('offer')
    await page.getByTestId('brief-title').fill(brief.title)
    await expect.poll(() => panel.getAttribute('data-status')).toBe('clean')

    // Checked a moment after typing stops: each finding with its field and context.
    await fillOfferBrief(page, brief)
    await expect.poll(() => panel.getAttribute('data-status')).toBe('found')
    await expect.poll(() => person.count()).toBe(1)
    expect(await finding('EMAIL').count()).toBe(1)
    expect(await page.getByTestId('pii-finding').count()).toBe(2)
    expect(await person.getAttribute('data-path')).toBe('audience')
    expect(await person.locator('mark').innerText()).toBe('Kate Morgan')
    expect(await person.innerText()).toContain('Target audience')
    expect(await finding('EMAIL').locator('mark').innerText()).toBe('kate.morgan@gmail.com')
    expect(await page.getByTestId('pii-mode').getAttribute('data-mode')).toBe('redact')
    expect(await page.getByTestId('pii-mode').innerText()).toContain('[PERSON_1]')

    // A dismissal needs a reason.
    await person.getByTestId('pii-dismiss').click()
    await person.getByTestId('pii-dismiss-confirm').click()
    await expect.poll(() => person.getByTestId('pii-dismiss-error').isVisible()).toBe(true)
    expect(await person.getAttribute('data-dismissed')).toBe('false')
    const reason = 'Kate Morgan is our brand mascot, not a real person'
    await person.getByTestId('pii-dismiss-reason').fill(reason)
    await person.getByTestId('pii-dismiss-confirm').click()
    await expect.poll(() => person.getAttribute('data-dismissed')).toBe('true')
    expect(await person.getByTestId('pii-dismissed-reason').innerText()).toContain(reason)
    expect(await finding('EMAIL').getAttribute('data-dismissed')).toBe('false')

    // Undo, then a dismissal follows the text: once the name moves, the old span is gone and so is the dismissal.
    await person.getByTestId('pii-undo').click()
    await expect.poll(() => person.getAttribute('data-dismissed')).toBe('false')
    await person.getByTestId('pii-dismiss').click()
    await person.getByTestId('pii-dismiss-reason').fill(reason)
    await person.getByTestId('pii-dismiss-confirm').click()
    await expect.poll(() => person.getAttribute('data-dismissed')).toBe('true')
    await page.getByTestId('brief-audience').fill(`Busy ${audience}`)
    await expect.poll(() => person.getAttribute('data-dismissed')).toBe('false')
    await person.getByTestId('pii-dismiss').click()
    await person.getByTestId('pii-dismiss-reason').fill(reason)
    await person.getByTestId('pii-dismiss-reason').press('Enter') // confirms; does not submit the brief
    await expect.poll(() => person.getAttribute('data-dismissed')).toBe('true')
    expect(page.url()).toBe(`${server.url}/briefs/new`)

    // A 12-digit INN with a valid checksum is personal data: it cannot be dismissed.
    await page.getByTestId('brief-task').fill(`${brief.task}. Invoices go to ИНН 500100732259`)
    const inn = finding('INN')
    await expect.poll(() => inn.count()).toBe(1)
    expect(await inn.getAttribute('data-path')).toBe('task')
    expect(await inn.getByTestId('pii-locked').innerText()).toMatch(/checksum is valid/)
    expect(await inn.getByTestId('pii-dismiss').count()).toBe(0)
    expect(await person.getAttribute('data-dismissed')).toBe('true') // an edit elsewhere keeps it
    await expect.poll(() => panel.getAttribute('data-status')).toBe('found')
    if (SHOTS) await panel.screenshot({ path: path.join(SHOTS, 'screenshot-pii.png') })

    // Submitted with the dismissal; the e-mail and the INN are still replaced before the model sees them.
    await page.getByTestId('brief-submit').click()
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('awaiting_review')
    const runId = page.url().split('/runs/')[1]!
    const run = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/runs/${runId}`)
    const saved = await page.request.get(`${server.url}/api/briefs/${run.briefId}`)
    expect(saved.ok()).toBe(true)
    const savedBrief = await saved.json()
    const start = `Busy ${audience}`.indexOf('Kate Morgan')
    expect(savedBrief.piiDismissals).toEqual([{ path: 'audience', type: 'PERSON', start, end: start + 'Kate Morgan'.length, reason }])
    // The dismissed name reached the (offline) drafter as written and is not personal data in the draft.
    expect(run.draft.text).toContain('Kate Morgan')
    expect(run.draft.piiFindings).toBe(0)
    expect(await page.getByTestId('pii-warning').count()).toBe(0)
    expect(run.draft.text).not.toContain('kate.morgan@gmail.com')
    expect(run.draft.text).not.toContain('500100732259')

    expect(pageErrors).toEqual([])
    await context.close()
  })

  // Last: its runs would sit in the review queues the tests above count.
  it('drafting kinds: an interview synthesis with quotes that open their span, a headline table, an edit and its diff', {
    timeout: 180_000,
  }, async () => {
    const { context, page, pageErrors } = await openPage()
    const [a, b] = loadInterviews().filter((f) => f.lang === 'en')
    await login(page, 'writer@copydesk.local')

    // Two interviews through the form: the second one turns the transcript field into a set.
    const research = interviewBrief({ transcript: a!.transcript }, { lang: 'en' })
    await page.getByTestId('nav-new-brief').click()
    await page.getByTestId('brief-kind').selectOption('interview_summary')
    await page.getByTestId('brief-title').fill(research.title)
    await fillCommon(page, research)
    await page.getByTestId('brief-inputs-transcript').fill(a!.transcript)
    await page.getByTestId('brief-add-transcript').click()
    await expect.poll(() => page.getByTestId('brief-transcripts').getAttribute('data-count')).toBe('2')
    for (const [i, f] of [a!, b!].entries()) {
      await page.getByTestId(`brief-inputs-transcripts-${i}-id`).fill(f.id)
      await page.getByTestId(`brief-inputs-transcripts-${i}-segment`).fill(f.segment)
      await page.getByTestId(`brief-inputs-transcripts-${i}-text`).fill(f.transcript)
    }
    await page.getByTestId('brief-submit').click()
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('awaiting_review')
    expect(await page.getByTestId('interview-synthesis').isVisible()).toBe(true)
    expect(await page.getByTestId('objection-map-row').count()).toBeGreaterThan(0)
    // A quote of the synthesis opens its interview and marks exactly its words in the transcript.
    const quote = page.getByTestId('interview-synthesis').getByTestId('interview-quote').first()
    const [start, end, interview] = await Promise.all([
      quote.getAttribute('data-start'),
      quote.getAttribute('data-end'),
      quote.getAttribute('data-interview'),
    ])
    await quote.click()
    const active = page.locator('[data-testid="transcript-span"][data-active="true"]')
    await expect.poll(() => active.count()).toBe(1)
    expect(await active.getAttribute('data-start')).toBe(start)
    expect(await active.getAttribute('data-end')).toBe(end)
    expect(await page.getByTestId('interview-entry').getAttribute('data-interview')).toBe(interview)
    // offsets index the redacted transcript the engine read
    const runId = page.url().split('/runs/')[1]!
    const run = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/runs/${runId}`)
    const entry = run.draft.content.interviews.find((i: { id: string }) => i.id === interview)
    expect(await active.textContent()).toBe(entry.transcript.slice(Number(start), Number(end)))
    if (SHOTS) {
      await page.waitForTimeout(1000) // the smooth scroll to the span
      await page.getByTestId('interview-transcript').screenshot({ path: path.join(SHOTS, 'screenshot-interview.png') })
    }

    // Headlines: a table within the search-ad limit, with angles and the A/B pair.
    const ads = headlinesBrief()
    await page.getByTestId('nav-new-brief').click()
    await page.getByTestId('brief-kind').selectOption('headlines')
    await page.getByTestId('brief-title').fill(ads.title)
    await fillCommon(page, ads)
    await page.getByTestId('brief-inputs-count').fill('10')
    await page.getByTestId('brief-inputs-keyPhrases').fill(ads.inputs!.keyPhrases!.join('\n'))
    await page.getByTestId('brief-submit').click()
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('awaiting_review')
    const rows = page.getByTestId('headline-row')
    expect(await rows.count()).toBe(10)
    const angles = new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-angle'))))
    expect(angles.size).toBeGreaterThanOrEqual(5)
    expect(await page.locator('[data-testid="headline-row"][data-ab]').count()).toBe(2)
    expect(Number(await page.getByTestId('headlines-distinct2').getAttribute('data-value'))).toBeGreaterThanOrEqual(0.8)
    if (SHOTS) {
      await rows.first().scrollIntoViewIfNeeded()
      await page.screenshot({ path: path.join(SHOTS, 'screenshot-headlines.png') })
    }

    // The writer cuts the last headline by hand: a new version, the gates restart, the diff shows the cut.
    await page.getByTestId('edit-draft-button').click()
    const text = await page.getByTestId('edit-draft-text').inputValue()
    await page.getByTestId('edit-draft-text').fill(text.split('\n').slice(0, -1).join('\n'))
    await page.getByTestId('edit-draft-save').click()
    await expect.poll(() => page.getByTestId('draft-edit-summary').isVisible(), { timeout: 30_000 }).toBe(true)
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('awaiting_review')
    expect(await page.getByTestId('engine-badge').first().getAttribute('data-engine')).toBe('human')
    // the comparison is folded at the foot of the page; the edit's "what changed" unfolds it
    await page.getByTestId('show-changes').click()
    await expect.poll(() => page.getByTestId('draft-compare').getAttribute('open')).toBe('')
    await expect.poll(() => page.getByTestId('diff-del').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('diff-ins').count()).toBe(0)
    if (SHOTS) await page.getByTestId('draft-compare').screenshot({ path: path.join(SHOTS, 'screenshot-diff.png') })

    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('an SEO export becomes a content plan: upload, clusters, a keyword moved by hand, export', { timeout: 180_000 }, async () => {
    const { context, page, pageErrors } = await openPage()
    await login(page, 'writer@copydesk.local')
    const plan = seoBrief('', { lang: 'ru' }) // the keywords come from the upload
    await page.getByTestId('nav-new-brief').click()
    await page.getByTestId('brief-kind').selectOption('seo_clusters')
    await page.getByTestId('brief-title').fill(plan.title)
    await fillCommon(page, plan)
    await page.getByTestId('brief-inputs-keywordsCsv-file').setInputFiles(seoFixturePath('ru-export.csv'))
    const summary = page.getByTestId('seo-import-summary')
    // ё/е spellings of one keyword are one keyword: the fixture has 6 such pairs, reported as duplicates
    const distinct = new Set(loadSeoFixture('ru').map((k) => k.keyword.toLowerCase().replace(/ё/g, 'е'))).size
    await expect.poll(() => summary.getAttribute('data-keywords'), { timeout: 30_000 }).toBe(String(distinct))
    expect(await summary.getAttribute('data-skipped')).toBe(String(loadSeoFixture('ru').length - distinct))
    expect(await summary.getAttribute('data-with-urls')).toBe('true')
    await page.getByTestId('brief-submit').click()
    await expect.poll(() => runStatus(page), { timeout: 60_000 }).toBe('awaiting_review')

    const seo = page.getByTestId('seo-summary')
    await expect.poll(() => seo.getAttribute('data-mode'), { timeout: 30_000 }).toBe('serp-weighted')
    expect(Number(await seo.getAttribute('data-clusters'))).toBeGreaterThan(30)
    // the rows the upload skipped travel with the brief into the plan
    expect(await seo.getAttribute('data-problems')).toBe(String(loadSeoFixture('ru').length - distinct))
    const rows = page.getByTestId('seo-cluster-row')
    const freqs = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-frequency'))))
    expect(freqs).toEqual([...freqs].sort((a, b) => b - a)) // by frequency, highest first

    // drill into the biggest cluster and move its last keyword out
    await rows.first().click()
    const detail = page.getByTestId('seo-cluster-detail')
    await expect.poll(() => detail.getByTestId('seo-plan-pillar').isVisible()).toBe(true)
    const move = detail.getByTestId('seo-move-select').last()
    const keyword = await move.getAttribute('data-keyword')
    await move.focus()
    await move.selectOption('unclustered')
    await expect.poll(() => page.getByTestId('seo-moves-count').innerText()).toMatch(/1/)
    await page.getByTestId('seo-save-moves').click()
    await expect.poll(() => page.getByTestId('engine-badge').first().getAttribute('data-engine'), { timeout: 30_000 }).toBe('human')
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('awaiting_review')
    await expect.poll(() => page.getByTestId('seo-unclustered').innerText()).toContain(keyword!)
    expect(await page.getByTestId('seo-export-xlsx').getAttribute('href')).toMatch(/\/drafts\/2\/export\?format=xlsx&lang=en$/)

    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('a review claimed by one editor leaves the other\'s "unassigned" filter, and is handed to them after', {
    timeout: 120_000,
  }, async () => {
    const title = 'Claimed landing page'
    const writer = await openPage()
    const runUrl = await safeOfferAtGate(writer.page, title)
    await writer.context.close()

    const colleague = await openPage()
    await loginAs(colleague.page, server.url, 'editor2@copydesk.local', EDITOR2_PASSWORD)
    await colleague.page.getByTestId('reviews-filter-none').click()
    await expect.poll(() => colleague.page.url()).toBe(`${server.url}/reviews?assigned=none`)
    const theirs = colleague.page.locator('[data-testid="review-item"]', { hasText: title })
    await expect.poll(() => theirs.count()).toBe(1)
    expect(await theirs.getAttribute('data-assignee')).toBe('')

    const editor = await openPage()
    await login(editor.page, 'editor@copydesk.local')
    const row = editor.page.locator('.review-row', { hasText: title })
    await row.getByTestId('review-claim').click()
    await expect.poll(() => row.getByTestId('review-item').getAttribute('data-assignee')).toBe('editor@copydesk.local')
    await editor.page.getByTestId('reviews-filter-me').click()
    await expect.poll(() => editor.page.locator('[data-testid="review-item"]', { hasText: title }).count()).toBe(1)

    // the colleague's unassigned list no longer has it, after a reload or on its own
    await colleague.page.reload()
    await expect.poll(() => theirs.count()).toBe(0)
    await colleague.page.getByTestId('reviews-filter-all').click()
    await expect.poll(() => theirs.count()).toBe(0)

    // on the run page the claimer hands it over; now it is the colleague's to decide
    await editor.page.goto(runUrl)
    // the gates are folded under the review: their line says where it stands, a click opens the table
    await editor.page.getByTestId('gates').locator('summary').click()
    const cell = gateRow(editor.page, 'release').getByTestId('gate-assignee')
    await expect.poll(() => cell.getAttribute('data-assignee')).toBe('editor@copydesk.local')
    await cell.getByTestId('gate-hand-over').click()
    await expect.poll(() => cell.getByTestId('gate-hand-over-to').locator('option').count()).toBeGreaterThan(2)
    await cell.getByTestId('gate-hand-over-to').selectOption('editor2@copydesk.local')
    await cell.getByTestId('gate-hand-over-save').click()
    await expect.poll(() => cell.getAttribute('data-assignee')).toBe('editor2@copydesk.local')
    expect(await editor.page.getByTestId('decision-pass').count()).toBe(0)

    await colleague.page.getByTestId('reviews-filter-me').click()
    await expect.poll(() => theirs.count()).toBe(1)
    await theirs.click()
    await colleague.page.getByTestId('decision-pass').click()
    await expect.poll(() => runStatus(colleague.page), { timeout: 30_000 }).toBe('approved')
    for (const p of [editor, colleague]) {
      expect(p.pageErrors).toEqual([])
      await p.context.close()
    }
  })

  it("a mention in a comment on selected words reaches the colleague's inbox; they answer in the thread", {
    timeout: 120_000,
  }, async () => {
    const title = 'Discussed landing page'
    const writer = await openPage()
    const runUrl = await safeOfferAtGate(writer.page, title)

    const editor = await openPage()
    await login(editor.page, 'editor@copydesk.local')
    await editor.page.goto(runUrl)
    // select the product's name in the draft, as a reader would with the mouse
    await selectInDraft(editor.page, 'StudioDesk')
    await expect.poll(() => editor.page.getByTestId('thread-new-quote').innerText()).toBe('StudioDesk')
    await editor.page.getByTestId('thread-new-body').fill('@writer is this the final product name?')
    await editor.page.getByTestId('thread-new-submit').click()
    await expect.poll(() => editor.page.getByTestId('thread').count()).toBe(1)

    // the writer's inbox on the SMTP server
    await expect
      .poll(
        () =>
          smtp
            .to('writer@copydesk.local')
            .filter((m) => m.subject.includes(title))
            .map((m) => m.subject),
        { timeout: 20_000 },
      )
      .toEqual([`Вас упомянули: «${title}»`])
    const mail = smtp.to('writer@copydesk.local').find((m) => m.subject.includes(title))!
    expect(mail.text).toContain(`https://copydesk.example.com${new URL(runUrl).pathname}`)

    await writer.page.reload()
    const thread = writer.page.getByTestId('thread')
    await expect.poll(() => thread.count()).toBe(1)
    await thread.getByTestId('thread-reply-body').fill('Yes, StudioDesk is final.')
    await thread.getByTestId('thread-reply-submit').click()
    await expect.poll(() => thread.getByTestId('thread-comment').count()).toBe(2)
    await editor.page.reload()
    await editor.page.getByTestId('thread-resolve').click()
    await expect.poll(() => editor.page.getByTestId('thread').getAttribute('data-status')).toBe('resolved')

    // the admin sees what the outbox sent
    const admin = await openPage()
    await login(admin.page, 'admin@copydesk.local')
    await admin.page.getByTestId('nav-outbox').click()
    const mention = admin.page.locator('[data-testid="outbox-emails"] [data-testid="outbox-row"]', { hasText: 'comment.mention' }).first()
    await expect.poll(() => mention.getAttribute('data-status')).toBe('done')
    expect(await mention.innerText()).toContain('writer@copydesk.local')
    for (const p of [writer, editor, admin]) {
      expect(p.pageErrors).toEqual([])
      await p.context.close()
    }
  })

  it('a hand-off to a CMS that is down waits with its error in the outbox, and is delivered, signed, once sent again', {
    timeout: 120_000,
  }, async () => {
    const writer = await openPage()
    const runUrl = await safeOfferAtGate(writer.page, 'CMS was down')
    const runId = runUrl.split('/').at(-1)!
    cms.state.status = 503
    try {
      const editor = await openPage()
      await login(editor.page, 'editor@copydesk.local')
      await editor.page.goto(runUrl)
      await editor.page.getByTestId('decision-comment').fill('Ship it')
      await editor.page.getByTestId('decision-pass').click()
      await expect.poll(() => runStatus(editor.page), { timeout: 30_000 }).toBe('approved')
      await editor.context.close()

      const admin = await openPage()
      await login(admin.page, 'admin@copydesk.local')
      await admin.page.getByTestId('nav-outbox').click()
      const row = admin.page.locator(`[data-testid="outbox-deliveries"] [data-testid="outbox-row"]:has(a[href="/runs/${runId}"])`)
      await expect.poll(() => row.innerText(), { timeout: 20_000 }).toContain('HTTP 503')
      expect(await row.getAttribute('data-status')).toBe('queued') // kept, to be tried again
      expect(cms.got.filter((r) => r.eventId === `content.approved:${runId}`).length).toBeGreaterThan(0)

      // the CMS is back: the admin sends it now instead of waiting out the backoff
      cms.state.status = 200
      await row.getByTestId('outbox-retry').click()
      await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('done')
      const got = cms.got.filter((r) => r.eventId === `content.approved:${runId}`).at(-1)!
      expect(verify(got, 'e2e-secret')).toBe(true)
      expect(JSON.parse(got.body)).toMatchObject({ runId, event: 'content.approved' })
      for (const p of [writer, admin]) expect(p.pageErrors).toEqual([])
      await admin.context.close()
    } finally {
      cms.state.status = 200
      await writer.context.close()
    }
  })

  // Last as well: its run waits at the fact check, where the tests above count their reviews.
  it('the run page: the draft once with its marks, the structure folded, a thread marked in the text, the page a few screens long', {
    timeout: 120_000,
  }, async () => {
    const writer = await openPage()
    const runUrl = await briefAtGate(writer.page, medicalOfferBrief({ title: 'Layout of a risky offer' }))
    await writer.context.close()

    const { context, page, pageErrors } = await openPage()
    await login(page, 'factcheck@copydesk.local')
    await page.goto(runUrl)
    await expect.poll(() => page.getByTestId('decision-panel').isVisible()).toBe(true)
    const runId = runUrl.split('/runs/')[1]!
    const run = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/runs/${runId}`)

    // The text with its marks is the draft, shown once; the variants repeat it, folded under it.
    const text = page.getByTestId('draft-text')
    expect(await text.count()).toBe(1)
    expect(await text.isVisible()).toBe(true)
    expect(await text.textContent()).toBe(run.draft.text)
    expect(await page.getByTestId('risk-span').count()).toBeGreaterThan(0)
    const structure = page.getByTestId('draft-structure')
    expect(await structure.getAttribute('open')).toBeNull()
    expect(await page.getByTestId('offer-variant').count()).toBe(3)
    expect(await page.getByTestId('offer-variant').first().isVisible()).toBe(false)
    const pitch = run.draft.content.variants[0].pitch as string
    expect(await page.getByText(pitch, { exact: true }).filter({ visible: true }).count()).toBe(0) // only within the text
    // The decision follows the draft and its claims, before the discussion and the folded references.
    const top = (id: string) => page.getByTestId(id).evaluate((el) => el.getBoundingClientRect().top + window.scrollY)
    expect(await top('decision-panel')).toBeLessThan(await top('comments'))
    for (const folded of ['brief-risks', 'gates', 'history']) {
      expect(await page.getByTestId(folded).getAttribute('open')).toBeNull()
      expect(await top(folded)).toBeGreaterThan(await top('decision-panel'))
    }

    // A thread on a few words marks them in the text, and the text stays the draft's.
    const words = 'RemindCRM'
    await selectInDraft(page, words)
    await expect.poll(() => page.getByTestId('thread-new-quote').innerText()).toBe(words)
    await page.getByTestId('thread-new-body').fill('Is the product name final?')
    await page.getByTestId('thread-new-submit').click()
    const thread = page.getByTestId('thread')
    await expect.poll(() => thread.count()).toBe(1)
    const threadId = (await thread.getAttribute('data-thread'))!
    const mark = text.locator(`mark[data-threads~="${threadId}"]`)
    await expect.poll(() => mark.count()).toBe(1)
    expect(await mark.textContent()).toBe(words)
    expect(await text.textContent()).toBe(run.draft.text)

    // Its page height, as the fact-checker reads it: a few screens (4641 px before the layout, 2958 after).
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3400)

    // The mark says what it is on hover; a click on it brings the thread into view, focused.
    await mark.hover()
    await expect.poll(() => page.getByTestId('risk-tooltip').innerText()).toContain('Is the product name final?')
    expect(await mark.getAttribute('aria-describedby')).toBeTruthy()
    await mark.click()
    const focusedThread = () => page.evaluate(() => document.activeElement?.getAttribute('data-thread') ?? null)
    await expect.poll(focusedThread).toBe(threadId)
    await expect
      .poll(() => thread.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight))
      .toBe(true)
    // …and back: the thread's quote leads to its words; Enter on them opens the thread again.
    await thread.getByTestId('thread-words').click()
    await expect.poll(() => mark.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(focusedThread).toBe(threadId)

    // The structure opens as a reader opens it.
    await structure.locator('summary').click()
    await expect.poll(() => page.getByTestId('offer-variant').first().isVisible()).toBe(true)

    // On a phone: the findings fold under the text (each mark tells its own), the page stays a few screens long.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await expect.poll(() => page.getByTestId('decision-panel').isVisible()).toBe(true)
    expect(await page.getByTestId('risk-panel').locator('details').getAttribute('open')).toBeNull()
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(5400) // 8747 px before, 4649 after

    expect(pageErrors).toEqual([])
    await context.close()
  })
})
