import type { SeoDraft } from '../../../../../contracts/drafts'

/** Where a keyword is: a cluster (its index in the draft as saved) or the unclustered list. */
export type Place = number | 'unclustered'
/** The writer's unsaved moves: keyword -> where it goes. A keyword moved back home has no entry. */
export type Moves = ReadonlyMap<string, Place>

export const UNCLUSTERED = 'unclustered'

/** Each keyword's place in the draft as saved. */
export function homesOf(draft: SeoDraft): Map<string, Place> {
  const homes = new Map<string, Place>()
  draft.clusters.forEach((c, i) => c.keywords.forEach((k) => homes.set(k, i)))
  draft.unclustered.forEach((k) => homes.set(k, UNCLUSTERED))
  return homes
}

export function withMove(moves: Moves, homes: ReadonlyMap<string, Place>, keyword: string, to: Place): Moves {
  const next = new Map(moves)
  if (homes.get(keyword) === to) next.delete(keyword)
  else next.set(keyword, to)
  return next
}

/** A keyword as listed under a cluster (or the unclustered list) while moves are pending. */
export type KeywordEntry = {
  keyword: string
  /** Where it is now, moves counted. */
  place: Place
  /** out: it lives here but is moved away; in: moved here from elsewhere. */
  moved: 'out' | 'in' | null
}

/** The draft with the moves applied: each cluster's keywords (empty when all moved away) and the unclustered list. */
export type Layout = {
  members: string[][]
  unclustered: string[]
  /** Keywords moved into each place, in the order they were moved. */
  movedIn: ReadonlyMap<Place, string[]>
  /** Places a move leaves or enters. */
  touched: ReadonlySet<Place>
}

export function layoutOf(draft: SeoDraft, moves: Moves): Layout {
  const movedIn = new Map<Place, string[]>()
  const touched = new Set<Place>()
  const place = (k: string, home: Place) => moves.get(k) ?? home
  for (const [k, to] of moves) {
    const list = movedIn.get(to)
    if (list) list.push(k)
    else movedIn.set(to, [k])
    touched.add(to)
  }
  const members = draft.clusters.map((c, i) => {
    const stay = c.keywords.filter((k) => place(k, i) === i)
    if (stay.length < c.keywords.length) touched.add(i)
    return [...stay, ...(movedIn.get(i) ?? [])]
  })
  const stayOut = draft.unclustered.filter((k) => place(k, UNCLUSTERED) === UNCLUSTERED)
  if (stayOut.length < draft.unclustered.length) touched.add(UNCLUSTERED)
  return { members, unclustered: [...stayOut, ...(movedIn.get(UNCLUSTERED) ?? [])], movedIn, touched }
}

/** The keywords shown under one place: those living there (moved away or not), then those moved in. */
export function entriesOf(home: readonly string[], at: Place, moves: Moves, layout: Layout): KeywordEntry[] {
  const own = home.map((keyword): KeywordEntry => {
    const to = moves.get(keyword)
    return { keyword, place: to ?? at, moved: to === undefined ? null : 'out' }
  })
  const incoming = (layout.movedIn.get(at) ?? []).map((keyword): KeywordEntry => ({ keyword, place: at, moved: 'in' }))
  return [...own, ...incoming]
}

export const totalFrequency = (draft: SeoDraft, keywords: readonly string[]) =>
  keywords.reduce((n, k) => n + (draft.frequencies[k] ?? 0), 0)

/**
 * The edit the server takes (POST /api/runs/:id/edits with `content`): the same draft with the
 * keywords where the writer put them. A cluster left empty is dropped (a cluster has a keyword at
 * least); pillar, totals, intent and plan are the server's to derive again.
 */
export function movedContent(draft: SeoDraft, layout: Layout): SeoDraft {
  const clusters = draft.clusters.flatMap((c, i) => {
    const keywords = layout.members[i] ?? []
    return keywords.length === 0 ? [] : [{ ...c, keywords }]
  })
  return { ...draft, clusters, unclustered: layout.unclustered }
}
