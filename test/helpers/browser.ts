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

/** Submits a brief and starts its run through the API from the signed-in page (the form has its own tests); the run's id. */
export function startRunFromPage(page: Page, brief: unknown): Promise<string> {
  return page.evaluate(async (b) => {
    const post = async (url: string, body?: unknown) => {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) })
      if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`)
      return (await r.json()) as { id: string }
    }
    return (await post(`/api/briefs/${(await post('/api/briefs', b)).id}/runs`)).id
  }, brief)
}
