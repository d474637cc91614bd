import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'

/** A fresh browser context and page, collecting the page's uncaught errors (a test asserts none). */
export async function openBrowserPage(browser: Browser) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  return { context, page, pageErrors }
}

/** Logs in through the login screen, by default as a demo user (password "demo"). */
export async function loginAs(page: Page, baseUrl: string, email: string, password = 'demo') {
  await page.goto(`${baseUrl}/`)
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await expect.poll(() => page.getByTestId('nav-logout').isVisible()).toBe(true)
}
