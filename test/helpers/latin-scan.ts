import type { Page } from 'playwright-core'

/**
 * Words written in Latin letters that a Russian UI may show as they are: the product's and
 * services' own names, and abbreviations Russian marketers write in Latin (no Russian form is in
 * use). Anything else in Latin is UI text left untranslated.
 */
export const LATIN_IN_RUSSIAN = [
  // names of products and services
  'Copydesk',
  'Telegram',
  'Excel',
  // the ad token's name in the law (38-FZ art. 18.1), written so in Russian; a law's name
  'erid',
  'GDPR',
  // file formats
  'CSV',
  'TSV',
  'XLSX',
  'JSON',
  'HTML',
  'Markdown',
  // abbreviations Russian marketers and admins write in Latin
  'SEO',
  'CRM',
  'CMS',
  'CTR',
  'B2B',
  'URL',
  'UTM',
  'API',
  'ID',
  'IP',
  'IBAN',
  'UTC',
  // keys of the keyboard
  'Enter',
  'Tab',
] as const

export type LatinFinding = { where: string; text: string; word: string }

/**
 * The Latin-script words of a page's UI text: visible text with every fold opened, the options of
 * its lists, and the placeholder, title, aria-label and alt attributes. Skipped: text marked as
 * another language (`lang`), codes (`code`, `kbd`, `samp`), what the user typed into fields, e-mail
 * addresses, and the `allowed` words (names and text the test's users typed, LATIN_IN_RUSSIAN).
 */
export async function latinText(page: Page, allowed: readonly string[]): Promise<LatinFinding[]> {
  return page.evaluate((allowedWords) => {
    const ok = new Set(allowedWords.map((w) => w.toLowerCase()))
    for (const d of document.querySelectorAll('details')) d.open = true
    const out: { where: string; text: string; word: string }[] = []
    const skipped = (el: Element | null) => {
      if (!el) return true
      if (el.closest('code, kbd, samp, script, style, noscript, textarea, [hidden]')) return true
      const marked = el.closest('[lang]')
      return !!marked && marked.getAttribute('lang') !== 'ru'
    }
    const describe = (el: Element) => {
      const id = el.closest('[data-testid]')?.getAttribute('data-testid')
      return `${el.tagName.toLowerCase()}${id ? ` in ${id}` : ''}`
    }
    const check = (text: string, where: string) => {
      const clean = text
        .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ') // e-mail addresses: people, not UI
        .replace(/https?:\/\/[^\s"'«»]+|(?:[\w-]+\.)+[a-z]{2,}\b(?:\/[^\s"'«»]*)?/giu, ' ') // web addresses: a search result's, a site's
        .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' ') // codes: COPYDESK_SMTP_URL, PERSON_1
        .replace(/\b(?=[0-9a-f.]*\d)[0-9a-f]+(?:\.[0-9a-f]+)?\b/g, ' ') // hashes and versions: dd3c0830276900d0, 2.44138384
        .replace(/\bA\/B\b/g, ' ') // the A/B test
      for (const m of clean.matchAll(/\p{Script=Latin}[\p{Script=Latin}\d'’]*/gu)) {
        const word = m[0]
        if (ok.has(word.toLowerCase())) continue
        out.push({ where, text: text.trim().slice(0, 120), word })
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!n.textContent?.trim() || skipped(el)) continue
      const inOption = el!.closest('option, optgroup')
      if (!inOption && !el!.checkVisibility({ visibilityProperty: true })) continue
      check(n.textContent, describe(el!))
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label], [alt], optgroup[label]')) {
      if (skipped(el)) continue
      for (const attr of ['placeholder', 'title', 'aria-label', 'alt', 'label']) {
        const v = el.getAttribute(attr)
        if (v && !(attr === 'label' && el.tagName !== 'OPTGROUP')) check(v, `${describe(el)} @${attr}`)
      }
    }
    return out
  }, allowed as string[])
}

/** The words of texts a test typed: they are the user's, shown back as written. */
export const wordsOf = (...texts: string[]): string[] => texts.flatMap((t) => t.match(/\p{Script=Latin}[\p{Script=Latin}\d'’]*/gu) ?? [])
