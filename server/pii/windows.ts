// Speed: precise Unicode regexes are run only on small windows around cheap candidates found by
// fast non-Unicode regexes (an "@", a run of digits, a cue word), merged where they overlap.
// Results are the same as running the precise regex over the whole text, as long as every match
// lies inside a window: the windows are sized for each detector's longest reach.

export type Range = { start: number; end: number }

/** Windows around each hit of `cheap` (global, non-Unicode for speed), merged. */
export function windows(text: string, cheap: RegExp, before: number, after: number): Range[] {
  const out: Range[] = []
  for (const m of text.matchAll(cheap)) {
    const start = Math.max(0, m.index - before)
    const end = Math.min(text.length, m.index + m[0].length + after)
    const last = out.at(-1)
    if (last && start <= last.end) last.end = Math.max(last.end, end)
    else out.push({ start, end })
  }
  return out
}

export type Found = { value: string; start: number; end: number; groups: RegExpMatchArray }

/** Matches of a global regex inside the windows, with offsets into the whole text, each once. */
export function* matchesIn(text: string, re: RegExp, ranges: readonly Range[]): Generator<Found> {
  let lastStart = -1
  for (const r of ranges) {
    // lookbehinds need the character before the window
    const from = Math.max(0, r.start - 1)
    const part = text.slice(from, r.end)
    for (const m of part.matchAll(re)) {
      const start = from + m.index
      if (start <= lastStart) continue
      lastStart = start
      yield { value: m[0], start, end: start + m[0].length, groups: m }
    }
  }
}
