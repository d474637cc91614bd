import { diffArrays, type Change } from 'diff'

const wordCount = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0

// Texts can be up to 100,000 characters; past this the diff gives up rather than freeze the page.
const DIFF_TIMEOUT_MS = 1500

/**
 * Words of any script (letters, their combining marks and digits), a line break, a run of other
 * spacing, or one other character. The diff library's own word diff knows Latin letters only and
 * takes Russian text letter by letter; it is given these tokens instead.
 */
const TOKEN = /\r?\n|[\p{L}\p{M}\p{N}_]+|[^\S\r\n]+|[^\p{L}\p{M}\p{N}_\s]/gu
export const tokens = (s: string): string[] => s.match(TOKEN) ?? []

/** `before` → `after` by words of every language; undefined when it took longer than `timeout` ms. */
export function diffByWords(before: string, after: string, timeout = DIFF_TIMEOUT_MS): Change[] | undefined {
  const changes = diffArrays(tokens(before), tokens(after), { timeout })
  return changes?.map((c) => ({ value: c.value.join(''), added: c.added, removed: c.removed, count: c.count }))
}

/** How many words a diff adds and removes (words of any script, not tokens). */
export function countWords(changes: Change[]) {
  let added = 0
  let removed = 0
  for (const c of changes) {
    if (c.added) added += wordCount(c.value)
    else if (c.removed) removed += wordCount(c.value)
  }
  return { added, removed }
}
