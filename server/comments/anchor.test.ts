import { describe, expect, it } from 'vitest'
import { followAnchor } from './anchor'
import { mentionHandles } from './mention-handles'

describe('a thread follows its words', () => {
  const thread = { draftVersion: 1, start: 10, end: 15, quote: 'price' }
  it('stays where it was written on its own version', () => {
    expect(followAnchor(thread, { version: 1, text: 'whatever' })).toEqual({ version: 1, start: 10, end: 15 })
  })
  it('finds the same words in a later version, the occurrence nearest to where they were', () => {
    const text = 'price first, then the price again'
    expect(followAnchor(thread, { version: 2, text })).toEqual({ version: 2, start: 0, end: 5 })
    expect(followAnchor({ ...thread, start: 20 }, { version: 2, text })).toEqual({ version: 2, start: 22, end: 27 })
  })
  it('is outdated when the words are gone (a changed case counts as changed)', () => {
    expect(followAnchor(thread, { version: 3, text: 'Price went up' })).toBeNull()
  })
})

describe('mentions', () => {
  it('reads @name, @first.last and @whole@address, each once, lower-cased', () => {
    expect(mentionHandles('@Ann, ask @ann and @bob.lee (cc @Eve@Example.com).')).toEqual(['ann', 'bob.lee', 'eve@example.com'])
  })
  it('is not an e-mail address written in the text, nor a lone @', () => {
    expect(mentionHandles('write to ann@example.com or @ now')).toEqual([])
  })
})
