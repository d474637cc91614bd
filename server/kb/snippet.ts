/**
 * ts_headline marks matches with strings we choose. Private-use characters cannot mean anything
 * in copy, and `forHeadline` takes them out of the text first, so every marker in the output is
 * ours; the API then answers plain text plus offsets, never HTML a client would have to trust.
 */
export const MARK_START = '\uE000'
export const MARK_STOP = '\uE001'

export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxFragments=2, MinWords=12, MaxWords=30, FragmentDelimiter=" … "`

/** ts_headline parses the whole text; past this many characters a match is found but not excerpted. */
export const HEADLINE_CHARS = 20_000

export type Snippet = { snippet: string; highlights: [number, number][] }

/** Marked headline text -> plain text (whitespace runs as one space) and [start, end) ranges of the marked words. */
export function markedToRanges(marked: string): Snippet {
  const out: string[] = []
  let length = 0
  let space = false
  let open = -1
  const highlights: [number, number][] = []
  for (const ch of marked) {
    if (ch === MARK_START) {
      if (space && length > 0) {
        out.push(' ')
        length += 1
      }
      space = false
      open = length
    } else if (ch === MARK_STOP) {
      if (open >= 0 && length > open) highlights.push([open, length])
      open = -1
    } else if (/\s/.test(ch)) {
      space = true
    } else {
      if (space && length > 0) {
        out.push(' ')
        length += 1
      }
      space = false
      out.push(ch)
      length += ch.length
    }
  }
  return { snippet: out.join(''), highlights }
}

/** Without a query: the start of the text, cut at a word boundary. */
export function leadSnippet(text: string, max = 240): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return { snippet: flat, highlights: [] }
  const cut = flat.lastIndexOf(' ', max)
  return { snippet: `${flat.slice(0, cut > max / 2 ? cut : max)} …`, highlights: [] }
}
