import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../server/config'
import { silentLog } from '../server/log'
import { startServer, type Server } from '../server/main'
import { ROOT } from '../server/paths'
import { ROLES } from '../contracts/roles'
import { loginAs, startRunFromPage } from './helpers/browser'
import { findChromium } from './helpers/env'
import { headlinesBrief, interviewBrief, seoBrief } from './helpers/fixtures'
import { loadInterviews } from './helpers/interviews'
import { seoFixturePath } from './helpers/seo-fixtures'
import { LATIN_IN_RUSSIAN, latinText, wordsOf, type LatinFinding } from './helpers/latin-scan'

const executablePath = findChromium()

/** Every string in a value (a brief with its inputs). */
const textsOf = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(textsOf) : []

/** A Russian team's brief: a paid social ad with a checkable number and a guarantee. */
const BRIEF = {
  title: 'Онлайн-запись для салонов красоты',
  audience: 'Владельцы салонов красоты на 3–10 мастеров',
  task: 'Сократить неявки клиентов',
  offer: 'Онлайн-запись с напоминаниями клиентам перед визитом',
  format: 'рекламное объявление',
  channel: 'social_ad',
  deadline: '2026-12-29',
  qualityCriteria: 'Понятно за десять секунд; без недоказанных обещаний',
  successMetrics: 'Больше заявок на демонстрацию',
  product: 'Салонум',
  timeframe: 'за 30 дней',
  method: 'напоминания по SMS перед каждым визитом',
  differentiator: 'гарантируем настройку за один день',
  proof: 'Салон «Лотос» сократил неявки с 18% до 7% за 2 месяца',
}
/** The ad marking the writer adds by hand: the label, the advertiser and the erid from the ОРД. */
const MARKING = 'Реклама. ООО «Салонум», ИНН 7701234567. erid: 2VtzqxYbZ1K'
const ERID = '2VtzqxYbZ1K'
/** What the reviewers write: a claim's source, their comments. */
const SOURCE = 'Выгрузка из CRM салона, отчёт'
const SAID = [SOURCE, 'Цифры сверены с выгрузкой', 'Условия гарантии есть в договоре']

describe.skipIf(!executablePath)('browser: the whole flow in Russian (Debian chromium)', () => {
  let server: Server
  let browser: Browser
  let dataDir: string
  /** `page: where: "text"` of each Latin-script UI text found, once. */
  const findings = new Set<string>()
  // what the test's users typed is theirs, shown back as written
  const typed = wordsOf(...Object.values(BRIEF), MARKING, ...SAID, ...ROLES.map((r) => `Demo ${r}`))

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'build-ui-if-needed.mjs')], { stdio: 'inherit' })
    expect(built.status).toBe(0)
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-e2e-ru-'))
    server = await startServer(loadConfig({ COPYDESK_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }), { log: silentLog })
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  })
  afterAll(async () => {
    for (const c of browser?.contexts() ?? []) await c.close()
    await browser?.close()
    await server?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  /** Records the page's Latin-script UI text under `label`, once the page has settled. */
  async function scan(page: Page, label: string) {
    await page.waitForLoadState('networkidle')
    await expect.poll(() => page.locator('[aria-busy="true"], .loading').count()).toBe(0)
    const found: LatinFinding[] = await latinText(page, [...LATIN_IN_RUSSIAN, ...typed])
    for (const f of found) findings.add(`${label}: ${f.where}: ${f.word} in "${f.text}"`)
  }

  const runStatus = (page: Page) => page.getByTestId('run-status').getAttribute('data-status')
  const gateRow = (page: Page, gate: string) =>
    page.locator(`[data-testid="gate-row"][data-gate="${gate}"]:not([data-status="superseded"])`)

  const pageErrors: string[] = []
  /** A Russian browser of its own for each person (their own session). */
  async function russianPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
    return page
  }
  async function as(email: string): Promise<Page> {
    const page = await russianPage()
    await loginAs(page, server.url, email)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru')
    return page
  }

  async function openReview(page: Page, gate: string, runUrl: string) {
    await page.getByTestId('nav-reviews').click()
    const item = page.locator(`[data-testid="review-item"][data-gate="${gate}"]`)
    await expect.poll(() => item.count()).toBe(1)
    await scan(page, `reviews (${gate})`)
    await item.click()
    await expect.poll(() => page.url()).toBe(runUrl)
    await page.locator(`[data-testid="decision-panel"][data-gate="${gate}"]`).waitFor()
  }

  it('a writer, three reviewers and the CMO find every word of the UI in Russian', { timeout: 300_000 }, async () => {
    const login = await russianPage()
    await login.goto(`${server.url}/`)
    await login.getByTestId('login-email').waitFor()
    await scan(login, 'login')
    await login.close()

    // The writer briefs the ad through the form.
    const writer = await as('writer@copydesk.local')
    await scan(writer, 'briefs (empty)')
    await writer.getByTestId('nav-new-brief').click()
    await writer.getByTestId('brief-kind').selectOption('offer')
    await writer.getByTestId('brief-submit').click() // nothing filled: the errors, in Russian
    await expect.poll(() => writer.getByTestId('field-error-audience').isVisible()).toBe(true)
    await scan(writer, 'new brief (errors)')
    await writer.getByTestId('brief-title').fill(BRIEF.title)
    await writer.getByTestId('brief-audience').fill(BRIEF.audience)
    await writer.getByTestId('brief-task').fill(BRIEF.task)
    await writer.getByTestId('brief-offer').fill(BRIEF.offer)
    await writer.getByTestId('brief-format').fill(BRIEF.format)
    await writer.getByTestId('brief-channel').selectOption(BRIEF.channel)
    await writer.getByTestId('brief-advertised').selectOption('other')
    await writer.getByTestId('brief-deadline').fill(BRIEF.deadline)
    await writer.getByTestId('brief-qualityCriteria').fill(BRIEF.qualityCriteria)
    await writer.getByTestId('brief-successMetrics').fill(BRIEF.successMetrics)
    await writer.getByTestId('brief-inputs-product').fill(BRIEF.product)
    await writer.getByTestId('brief-inputs-timeframe').fill(BRIEF.timeframe)
    await writer.getByTestId('brief-inputs-method').fill(BRIEF.method)
    await writer.getByTestId('brief-inputs-differentiator').fill(BRIEF.differentiator)
    await writer.getByTestId('brief-inputs-proofs').fill(BRIEF.proof)
    await expect.poll(() => writer.getByTestId('risk-mark').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await scan(writer, 'new brief (risk check)')
    await writer.getByTestId('brief-submit').click()
    await expect.poll(() => runStatus(writer), { timeout: 30_000 }).toBe('awaiting_review')
    const runUrl = writer.url()
    await scan(writer, 'run (writer, v1)')

    // The writer adds the ad marking by hand: version 2, compared word by word.
    await writer.getByTestId('edit-draft-button').click()
    const v1 = await writer.getByTestId('edit-draft-text').inputValue()
    await writer.getByTestId('edit-draft-text').fill(`${v1}\n\n${MARKING}`)
    await writer.getByTestId('edit-draft-save').click()
    await expect.poll(() => writer.getByTestId('draft-edit-summary').isVisible(), { timeout: 30_000 }).toBe(true)
    await expect.poll(() => runStatus(writer), { timeout: 30_000 }).toBe('awaiting_review')
    await writer.getByTestId('show-changes').click()
    await expect.poll(() => writer.getByTestId('diff-ins').count()).toBeGreaterThan(0)
    const inserted = await writer.getByTestId('diff-ins').allInnerTexts()
    // whole words: every inserted word is a word of the marking, none a piece of one
    const markingWords = new Set(MARKING.match(/[\p{L}\p{N}]+/gu))
    for (const w of inserted.join(' ').match(/[\p{L}\p{N}]+/gu) ?? []) expect(markingWords).toContain(w)
    expect(await writer.getByTestId('diff-del').count()).toBe(0)
    await scan(writer, 'run (writer, v2 compared)')
    await writer.getByTestId('nav-briefs').click()
    await expect.poll(() => writer.getByTestId('brief-status').count()).toBe(1)
    await scan(writer, 'briefs')
    await writer.getByTestId('nav-usage').click()
    await scan(writer, 'my usage')
    await writer.getByTestId('nav-settings').click()
    await scan(writer, 'settings (writer)')
    await writer.close()

    // The fact-checker verifies each claim with its source.
    const factcheck = await as('factcheck@copydesk.local')
    await openReview(factcheck, 'fact_check', runUrl)
    await scan(factcheck, 'run (fact check, claims pending)')
    const claims = factcheck.getByTestId('claim-row')
    for (let i = 0; i < (await claims.count()); i++) {
      await claims
        .nth(i)
        .getByTestId('claim-source')
        .fill(`${SOURCE} ${i + 1}`)
      await claims.nth(i).getByTestId('claim-verify').click()
      await expect.poll(() => claims.nth(i).getAttribute('data-status')).toBe('verified')
    }
    await factcheck.getByTestId('decision-comment').fill(SAID[1]!)
    await factcheck.getByTestId('decision-pass').click()
    await expect.poll(() => gateRow(factcheck, 'fact_check').getAttribute('data-status')).toBe('passed')
    await scan(factcheck, 'run (fact check passed)')
    await factcheck.close()

    // Legal passes the guarantee with its terms on record.
    const legal = await as('legal@copydesk.local')
    await openReview(legal, 'legal_review', runUrl)
    await scan(legal, 'run (legal review)')
    await legal.getByTestId('decision-comment').fill(SAID[2]!)
    await legal.getByTestId('decision-pass').click()
    await expect.poll(() => gateRow(legal, 'legal_review').getAttribute('data-status')).toBe('passed')
    await legal.close()

    // The editor releases the paid ad with the erid the team got from its ОРД.
    const editor = await as('editor@copydesk.local')
    await openReview(editor, 'release', runUrl)
    await editor.getByTestId('decision-pass').click() // no erid yet: refused, in Russian
    await expect.poll(() => editor.getByTestId('decision-error').isVisible()).toBe(true)
    await scan(editor, 'run (release, erid missing)')
    await editor.getByTestId('decision-erid').fill(ERID)
    await editor.getByTestId('decision-pass').click()
    await expect.poll(() => runStatus(editor), { timeout: 30_000 }).toBe('approved')
    await editor.getByTestId('approved-export').waitFor()
    await scan(editor, 'run (approved)')
    const md = await editor.request.get(`${server.url}${await editor.getByTestId('export-md').getAttribute('href')}`)
    expect(await md.text()).toContain(`erid: ${ERID}`)
    await editor.close()

    // The CMO audits; the knowledge base, the prompts and the policy read in Russian too.
    const cmo = await as('cmo@copydesk.local')
    await cmo.getByTestId('unmarked-ads-none').waitFor() // the ad was released with its erid
    await scan(cmo, 'dashboard')
    await cmo.getByTestId('nav-kb').click()
    await scan(cmo, 'knowledge base')
    await cmo.goto(`${server.url}/kb/results/${runUrl.split('/runs/')[1]}`)
    await expect.poll(() => cmo.getByTestId('kb-record').locator('code').filter({ hasText: ERID }).count()).toBe(1)
    await scan(cmo, 'knowledge base record')
    await cmo.goto(`${server.url}/kb/prompts`)
    await scan(cmo, 'prompts')
    // an English prompt: its words are copy in English, marked so; the page around them is Russian
    const family = cmo.locator('[data-testid="prompt-family"][data-id="offer"][data-lang="en"]')
    await family.getByTestId('prompt-version-link').last().click()
    await cmo.getByTestId('prompt-body').waitFor()
    expect(await cmo.getByTestId('prompt-body').getAttribute('lang')).toBe('en')
    await scan(cmo, 'prompt version')
    await cmo.getByTestId('nav-policy').click()
    await scan(cmo, 'policy')
    await cmo.close()

    const admin = await as('admin@copydesk.local')
    await admin.goto(`${server.url}/outbox`)
    await scan(admin, 'outbox')
    await admin.goto(`${server.url}/settings`)
    await scan(admin, 'settings (admin)')
    await admin.close()

    expect([...findings]).toEqual([])
    expect(pageErrors).toEqual([])
  })

  it('headlines, an interview synthesis and an SEO plan read in Russian too', { timeout: 180_000 }, async () => {
    findings.clear()
    const interview = loadInterviews().find((f) => f.lang === 'ru')!
    const csv = fs.readFileSync(seoFixturePath('ru-export.csv'), 'utf8').replace(/^\ufeff/, '')
    const briefs = [
      headlinesBrief({
        title: 'Заголовки: напоминания для стоматологий',
        audience: 'Владельцы частных стоматологий',
        task: 'Сократить неявки пациентов',
        offer: 'Система напоминаний о записи',
        format: 'заголовки поисковой рекламы',
        qualityCriteria: 'Разные гипотезы; без недоказанных обещаний',
        successMetrics: 'Больше записей',
        lang: 'ru',
        inputs: { count: 8, keyPhrases: ['напоминания о записи', 'неявки пациентов'] },
      }),
      interviewBrief(
        { transcript: interview.transcript },
        {
          title: 'Интервью с клиентами',
          audience: 'Клиенты',
          task: 'Почему не продлевают',
          offer: 'Сервис',
          format: 'сводка',
          qualityCriteria: 'Каждый вывод с цитатой',
          successMetrics: 'Список возражений',
          lang: 'ru',
        },
      ),
      // a row twice: the plan lists it as skipped, with why, in Russian
      seoBrief(`${csv.trimEnd()}\nбитрикс24;100;\n`, {
        title: 'Контент-план на квартал',
        audience: 'Отделы продаж',
        task: 'Спланировать блог',
        offer: 'Обзоры и сравнения CRM',
        format: 'контент-план',
        qualityCriteria: 'Одна опорная статья на кластер',
        successMetrics: 'Органический трафик',
        lang: 'ru',
      }),
    ]
    const writer = await as('writer@copydesk.local')
    for (const brief of briefs) {
      // what the writer typed or uploaded (the export's keywords), but not its addresses: the scan skips those
      typed.push(...wordsOf(...textsOf(brief).map((t) => t.replace(/https?:\/\/\S+/g, ' '))))
      const runId = await startRunFromPage(writer, brief)
      const state = () =>
        writer.evaluate(async (id) => (await (await fetch(`/api/runs/${id}`)).json()) as { status: string; error?: string }, runId)
      await expect.poll(async () => (await state()).status, { timeout: 60_000 }).not.toMatch(/^(queued|running)$/)
      const reached = await state()
      expect(reached.status, `${brief.kind}: ${JSON.stringify(reached.error)}`).toBe('awaiting_review')
      await writer.goto(`${server.url}/runs/${runId}`)
      await expect.poll(() => runStatus(writer)).toBe('awaiting_review')
      await scan(writer, `run (${brief.kind})`)
      await writer.getByTestId('run-brief-link').click()
      await scan(writer, `brief (${brief.kind})`)
    }
    expect([...findings]).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
