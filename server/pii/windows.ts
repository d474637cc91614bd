// Speed: precise Unicode regexes are run only on small windows around cheap candidates found by
// fast non-Unicode regexes (an "@", a run of digits, a cue word), merged where they overlap.
// Results are the same as running the precise regex over the whole text, as long as every match
// lies inside a window: the windows are sized for each detector's longest reach.

export type Range = { start: number; end: number }

/** Windows around each hit of `cheap` (global, non-Unicode for speed), merged. */
export function windows(text: string, cheap: RegExp, before: number, after: number): Range[] {
  return windowsAround(text, [...text.matchAll(cheap)], before, after)
}

/** Windows around hits found once and used for patterns of different reach. */
export function windowsAround(text: string, hits: readonly RegExpMatchArray[], before: number, after: number): Range[] {
  const out: Range[] = []
  for (const m of hits) {
    const start = Math.max(0, m.index! - before)
    const end = Math.min(text.length, m.index! + m[0].length + after)
    const last = out.at(-1)
    if (last && start <= last.end) last.end = Math.max(last.end, end)
    else out.push({ start, end })
  }
  return out
}

export type Found = { value: string; start: number; end: number; groups: RegExpMatchArray }

/**
 * Matches of a global regex inside the windows, with offsets into the whole text, each once. Plain
 * exec loops into an array (no generators, no matchAll iterators): this runs for every window of
 * every text the guard scans.
 */
export function matchesIn(text: string, re: RegExp, ranges: readonly Range[]): Found[] {
  const out: Found[] = []
  let lastStart = -1
  for (const r of ranges) {
    // from the character before the window: lookbehinds need it
    const from = Math.max(0, r.start - 1)
    const part = text.slice(from, r.end)
    re.lastIndex = 0
    for (let m = re.exec(part); m; m = re.exec(part)) {
      if (m[0].length === 0) {
        re.lastIndex++
        continue
      }
      const start = from + m.index
      if (start <= lastStart) continue
      lastStart = start
      out.push({ value: m[0], start, end: start + m[0].length, groups: m })
    }
  }
  return out
}

/**
 * Matches of a sticky regex tried only at the given candidate starts (sorted), leftmost first and
 * never overlapping: the same matches as a global scan whenever every match starts at a candidate.
 * Lookbehinds and lookaheads see the whole text. `firstChars`: the only characters a match can start with.
 */
export function stickyMatches(text: string, re: RegExp, starts: ArrayLike<number>, firstChars?: string): Found[] {
  const out: Found[] = []
  let next = 0
  for (let i = 0; i < starts.length; i++) {
    const at = starts[i]!
    if (at < next || (firstChars !== undefined && !firstChars.includes(text[at]!))) continue
    re.lastIndex = at
    const m = re.exec(text)
    if (!m || m[0].length === 0) continue
    next = at + m[0].length
    out.push({ value: m[0], start: at, end: next, groups: m })
  }
  return out
}
