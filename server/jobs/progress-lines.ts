// Long work in the CLI says how far it is on stderr, keeping stdout for the result: a line when a
// stage starts and one each time another tenth of it is done, each starting with "progress:" so a
// script reading stderr for problems can skip them:
//   progress: clustering 40% (40,000 of 100,000)
// Short work says nothing: lines start once a stage counts at least `minTotal` units.
import type { Progress } from './progress'

export function progressLines(err: (line: string) => void, minTotal: number): (p: Progress) => void {
  let long = false
  let stage: string | null = null
  let tenth = -1
  return ({ stage: s, done, total }) => {
    long ||= total >= minTotal
    if (!long) return
    const now = total > 0 ? Math.floor((10 * done) / total) : 0
    if (s === stage && now <= tenth) return
    stage = s
    tenth = now
    err(`progress: ${s}${total > 0 ? ` ${now * 10}% (${done.toLocaleString('en')} of ${total.toLocaleString('en')})` : ''}`)
  }
}
