import { structuredPatch } from 'diff'
import type { DiffHunk } from '../../contracts/kb'

const OPS = { '+': 'add', '-': 'del', ' ': 'same' } as const

/** Line diff from `a` to `b` as unified-diff hunks with three lines of context. */
export function lineDiff(a: string, b: string): DiffHunk[] {
  const patch = structuredPatch('a', 'b', withEol(a), withEol(b), undefined, undefined, { context: 3 })
  return patch.hunks.map((h) => ({
    oldStart: h.oldStart,
    oldLines: h.oldLines,
    newStart: h.newStart,
    newLines: h.newLines,
    lines: h.lines.flatMap((l) => {
      const op = OPS[l[0] as keyof typeof OPS]
      return op ? [{ op, text: l.slice(1) }] : []
    }),
  }))
}

// Without it the last line of each side differs by its missing line break alone.
const withEol = (s: string) => (s === '' || s.endsWith('\n') ? s : `${s}\n`)
