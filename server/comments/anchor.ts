/**
 * Where a thread's words stand in a later version: the occurrence of its quote nearest to where it
 * was, or null when the words are gone (the thread is then shown as outdated). Same version: as written.
 */
export function followAnchor(
  thread: { draftVersion: number; start: number; end: number; quote: string },
  latest: { version: number; text: string },
): { version: number; start: number; end: number } | null {
  if (thread.draftVersion === latest.version) return { version: latest.version, start: thread.start, end: thread.end }
  let best = -1
  for (let at = latest.text.indexOf(thread.quote); at >= 0; at = latest.text.indexOf(thread.quote, at + 1)) {
    if (best < 0 || Math.abs(at - thread.start) < Math.abs(best - thread.start)) best = at
  }
  return best < 0 ? null : { version: latest.version, start: best, end: best + thread.quote.length }
}
