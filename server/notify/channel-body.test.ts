import { describe, expect, it } from 'vitest'
import { inertMarkup } from './channel-body'

describe("a chat message shows the brief's title as typed", () => {
  it('cannot ping a channel or dress up a link', () => {
    const shown = inertMarkup('<!channel> <https://phish.example|Open Copydesk> @all [click](https://x.example) `x` *b*')
    expect(shown).not.toMatch(/<|>|@all|@channel|\]\(/)
    expect(shown).toContain('&lt;!channel&gt;')
  })
  it('leaves ordinary titles readable', () => {
    expect(inertMarkup('Весенняя акция: -20% на абонементы')).toBe('Весенняя акция: -20% на абонементы')
  })
})
