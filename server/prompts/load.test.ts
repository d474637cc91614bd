import { describe, expect, it } from 'vitest'
import { PROMPTS_DIR } from '../paths'
import { PromptFileError, loadPrompts, parsePromptFile, render } from './load'

const good = `---
id: offer
version: 2
kind: offer
lang: en
schema: OfferDraft
owner: team
changelog: "tighter"
---
# system
Be careful.

# user
Audience: {{audience}}
`

describe('prompt files', () => {
  it('loads every prompt in prompts/ with a content-hash version', () => {
    const prompts = loadPrompts(PROMPTS_DIR)
    expect(prompts.map((p) => `${p.id}/${p.lang}`)).toEqual(expect.arrayContaining(['offer/en', 'offer/ru']))
    for (const p of prompts) expect(p.versionLabel).toMatch(/^\d+\.[0-9a-f]{8}$/)
  })

  it('any edit is a new version', () => {
    const a = parsePromptFile('a.md', good)
    const b = parsePromptFile('a.md', good.replace('Be careful.', 'Be very careful.'))
    expect(a.version).toBe(b.version)
    expect(a.versionLabel).not.toBe(b.versionLabel)
    expect(a.user).toBe('Audience: {{audience}}')
  })

  it('names the file and the field for a bad prompt file', () => {
    expect(() => parsePromptFile('prompts/x.md', 'no front matter')).toThrow(/prompts\/x.md: expected YAML front matter/)
    expect(() => parsePromptFile('prompts/x.md', good.replace('kind: offer', 'kind: poem'))).toThrow(/prompts\/x.md: kind: /)
    expect(() => parsePromptFile('prompts/x.md', good.replace('owner: team', 'owner: team\nextra: 1'))).toThrow(PromptFileError)
    expect(() => parsePromptFile('prompts/x.md', good.replace('changelog: "tighter"', 'changelog: a: b'))).toThrow(
      /prompts\/x.md: front matter is not valid YAML/,
    )
    expect(() => parsePromptFile('prompts/x.md', good.replace('# user', '# usr'))).toThrow(/"# system" and a "# user" section/)
  })

  it('renders variables and refuses a missing one', () => {
    expect(render('Hi {{a}} and {{b}}', { a: '1', b: '2' })).toBe('Hi 1 and 2')
    expect(() => render('Hi {{a}}', {})).toThrow(/\{\{a\}\} has no value/)
  })
})
