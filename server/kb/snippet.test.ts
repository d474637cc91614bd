import { describe, expect, it } from 'vitest'
import { leadSnippet, MARK_START as S, MARK_STOP as E, markedToRanges } from './snippet'

describe('headline markers to plain text and ranges', () => {
  it('points each range at the marked words of the plain text', () => {
    const r = markedToRanges(`Пластиковые ${S}окна${E} без переплат: замер ${S}окон${E}.`)
    expect(r.snippet).toBe('Пластиковые окна без переплат: замер окон.')
    expect(r.highlights.map(([a, b]) => r.snippet.slice(a, b))).toEqual(['окна', 'окон'])
  })

  it('collapses whitespace without shifting the ranges, and counts UTF-16 units like JavaScript', () => {
    const r = markedToRanges(`  Emoji 😀\n\n ${S}running${E}\tshoes …  ${S}run${E}  `)
    expect(r.snippet).toBe('Emoji 😀 running shoes … run')
    expect(r.highlights.map(([a, b]) => r.snippet.slice(a, b))).toEqual(['running', 'run'])
  })

  it('ignores a stray or empty marker instead of inventing a range', () => {
    expect(markedToRanges(`a ${E}b${S}${E} c${S}`)).toEqual({ snippet: 'a b c', highlights: [] })
  })

  it('cuts a long text at a word boundary', () => {
    const text = 'word '.repeat(100)
    const { snippet } = leadSnippet(text, 23)
    expect(snippet).toBe('word word word word …')
    expect(leadSnippet('short\ntext').snippet).toBe('short text')
  })
})
