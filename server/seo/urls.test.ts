import { describe, expect, it } from 'vitest'
import { normalizeUrl } from './urls'

describe('normalizeUrl', () => {
  it('treats scheme, www, case of the host, trailing slash, fragment and tracking as the same page', () => {
    const same = [
      'https://www.Example.com/okna/plastikovye/',
      'http://example.com/okna/plastikovye',
      'example.com/okna/plastikovye?utm_source=yandex&utm_medium=cpc',
      'https://WWW.EXAMPLE.COM/okna/plastikovye/#prices',
      'https://example.com/okna/plastikovye?yclid=123&gclid=abc',
    ]
    expect(new Set(same.map(normalizeUrl))).toEqual(new Set(['example.com/okna/plastikovye']))
  })

  it('keeps the path case and the meaningful parameters, in a stable order', () => {
    expect(normalizeUrl('https://shop.ru/Catalog?page=2&sort=price&utm_campaign=x')).toBe('shop.ru/Catalog?page=2&sort=price')
    expect(normalizeUrl('https://shop.ru/catalog?sort=price&page=2')).toBe(normalizeUrl('https://shop.ru/catalog?page=2&sort=price'))
    expect(normalizeUrl('https://shop.ru/')).toBe('shop.ru')
    expect(normalizeUrl('https://xn--80ak6aa92e.com:8080/a')).toBe('xn--80ak6aa92e.com:8080/a')
  })

  it('is null for what is not a web URL', () => {
    for (const bad of ['', '   ', 'not a url', 'mailto:a@b.ru', 'ftp://files.ru/x', 'localhost/page']) expect(normalizeUrl(bad)).toBeNull()
  })
})
