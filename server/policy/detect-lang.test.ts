import { describe, expect, it } from 'vitest'
import { detectLang } from './detect-lang'

describe('brief language', () => {
  it('is Russian when Cyrillic dominates, English otherwise', () => {
    expect(detectLang('Владельцы клиник', 'CRM для стоматологий')).toBe('ru')
    expect(detectLang('Clinic owners', 'A CRM')).toBe('en')
    expect(detectLang('123 456')).toBe('en')
  })
})
