import type { Change } from 'diff'

export type DiffPart = { kind: 'same' | 'del' | 'ins'; value: string }

const isGap = (s: string) => /^[^\S\n]+$/.test(s)

/**
 * Word diffs alternate — "<del>Guaranteed</del><ins>Results</ins> <del>results</del><ins>vary</ins>" —
 * whenever neighbouring words both changed. A space between two changes is folded into both sides so
 * the reader sees one deletion followed by one insertion. Line breaks are kept as they are.
 */
export function diffParts(changes: Change[]): DiffPart[] {
  const parts: DiffPart[] = []
  let del = ''
  let ins = ''
  const flush = () => {
    if (del) parts.push({ kind: 'del', value: del })
    if (ins) parts.push({ kind: 'ins', value: ins })
    del = ''
    ins = ''
  }
  changes.forEach((c, i) => {
    if (c.removed) del += c.value
    else if (c.added) ins += c.value
    else {
      const next = changes[i + 1]
      if ((del || ins) && isGap(c.value) && next && (next.added || next.removed)) {
        del += c.value
        ins += c.value
        return
      }
      flush()
      parts.push({ kind: 'same', value: c.value })
    }
  })
  flush()
  return parts
}
