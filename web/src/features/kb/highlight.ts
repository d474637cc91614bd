export type SnippetPart = { text: string; mark: boolean }

/**
 * Plain text cut at the server's [start, end) ranges into marked and unmarked parts. Ranges are
 * sorted, clamped to the text and merged where they overlap, so a bad range can never repeat or
 * drop a character; the text itself is never parsed as markup.
 */
export function snippetParts(text: string, ranges: readonly (readonly [number, number])[]): SnippetPart[] {
  const clean = ranges
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0])
  const parts: SnippetPart[] = []
  let at = 0
  for (const [s, e] of clean) {
    const start = Math.max(s, at)
    if (e <= start) continue
    if (start > at) parts.push({ text: text.slice(at, start), mark: false })
    parts.push({ text: text.slice(start, e), mark: true })
    at = e
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false })
  return parts
}
