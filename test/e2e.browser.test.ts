import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../server/config'
import { startServer, type Server } from '../server/main'
import { ROOT } from '../server/paths'
import { findChromium } from './helpers/env'

const executablePath = findChromium()
// Where README's screenshots come from: `SCREENSHOTS=1 npx vitest run test/e2e.browser.test.ts`.
const SHOTS = process.env.SCREENSHOTS === '1' ? path.join(ROOT, 'docs') : undefined

describe.skipIf(!executablePath)('browser: writer drafts, editor approves (Debian chromium)', () => {
  let server: Server
  let browser: Browser
  let dataDir: string

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'build-ui-if-needed.mjs')], { stdio: 'inherit' })
    expect(built.status).toBe(0)
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-e2e-'))
    server = await startServer(loadConfig({ COPYDESK_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }), { log: () => {} })
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  async function login(page: Page, email: string) {
    await page.goto(server.url + '/')
    await page.getByTestId('login-email').fill(email)
    await page.getByTestId('login-password').fill('demo')
    await page.getByTestId('login-submit').click()
    await expect.poll(() => page.getByTestId('nav-logout').isVisible()).toBe(true)
  }

  it('walks the whole flow in the UI', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (e) => pageErrors.push(e.message))

    await page.goto(server.url + '/')
    await page.getByTestId('login-email').fill('writer@copydesk.local')
    await page.getByTestId('login-password').fill('wrong')
    await page.getByTestId('login-submit').click()
    await expect.poll(() => page.getByTestId('login-error').isVisible()).toBe(true)
    await login(page, 'writer@copydesk.local')

    await page.getByTestId('nav-new-brief').click()
    await page.getByTestId('brief-kind').selectOption('offer')
    await page.getByTestId('brief-title').fill('CRM for dental clinics')
    await page.getByTestId('brief-submit').click()
    // inline errors from the shared zod schema, nothing typed is lost
    await expect.poll(() => page.getByTestId('field-error-audience').isVisible()).toBe(true)
    expect(await page.getByTestId('brief-title').inputValue()).toBe('CRM for dental clinics')

    await page.getByTestId('brief-audience').fill('Owners of private dental clinics with 3-10 chairs')
    await page.getByTestId('brief-task').fill('Cut patient no-shows')
    await page.getByTestId('brief-offer').fill('A CRM with automatic appointment reminders')
    await page.getByTestId('brief-format').fill('landing page')
    await page.getByTestId('brief-channel').fill('landing')
    await page.getByTestId('brief-deadline').fill('2026-12-15')
    await page.getByTestId('brief-qualityCriteria').fill('Retellable in ten seconds')
    await page.getByTestId('brief-successMetrics').fill('Demo requests 5%')
    await page.getByTestId('brief-inputs-product').fill('RemindCRM')
    await page.getByTestId('brief-inputs-timeframe').fill('30 days')
    await page.getByTestId('brief-inputs-method').fill('SMS and WhatsApp reminders')
    await page.getByTestId('brief-submit').click()

    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('awaiting_review')
    expect(await page.getByTestId('draft-text').textContent()).toContain('RemindCRM')
    expect(await page.getByTestId('offer-variant').count()).toBe(3)
    expect(await page.getByTestId('engine-badge').first().innerText()).toMatch(/offline/i)
    expect(await page.getByTestId('decision-pass').count()).toBe(0) // the author gets no decision panel
    const runUrl = page.url()
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'screenshot-run.png'), fullPage: true })
    await page.getByTestId('nav-logout').click()
    await expect.poll(() => page.getByTestId('login-email').isVisible()).toBe(true)

    await login(page, 'editor@copydesk.local')
    await page.getByTestId('nav-reviews').click()
    await page.getByTestId('review-item').first().click()
    await expect.poll(() => page.url()).toBe(runUrl)
    await page.getByTestId('decision-comment').fill('Clear and honest, ship it')
    await page.getByTestId('decision-pass').click()
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('approved')
    await expect.poll(() => page.locator('[data-testid="gate-row"][data-gate="release"]').getAttribute('data-status')).toBe('passed')
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'screenshot-approved.png'), fullPage: true })

    // Russian UI for a Russian browser
    const ru = await browser.newContext({ locale: 'ru-RU' })
    const ruPage = await ru.newPage()
    await ruPage.goto(server.url + '/')
    expect(await ruPage.getByTestId('login-submit').innerText()).toMatch(/[а-яё]/i)
    await ru.close()

    expect(pageErrors).toEqual([])
    await context.close()
  })
})
