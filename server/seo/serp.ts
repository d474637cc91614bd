// Clustering by overlap of search results, the three modes SEO tools document (Topvisor, Rush
// Analytics). Two keywords are linked when their top-10 results share at least `threshold`
// URLs. Overlaps come from an inverted index URL -> keywords, so only keywords that share a
// URL are ever compared: no all-pairs pass over the list.

export type SerpMode = 'serp-soft' | 'serp-moderate' | 'serp-hard'
export type SerpKeyword = { keyword: string; frequency: number; urls: string[] }
/** Groups of indices into the input, each sorted by frequency (its marker first); singletons are not groups. */
export type Grouping = { groups: number[][]; unclustered: number[] }

/** The inverted index: each result URL with the keywords (indices) it ranks for. */
export function urlIndex(items: SerpKeyword[]): Map<string, number[]> {
  const byUrl = new Map<string, number[]>()
  items.forEach((it, i) => {
    for (const url of new Set(it.urls)) {
      const list = byUrl.get(url)
      if (list) list.push(i)
      else byUrl.set(url, [i])
    }
  })
  return byUrl
}

/** For each keyword, how many result URLs it shares with each keyword it shares any with. */
export function overlaps(items: SerpKeyword[]): Map<number, number>[] {
  const byUrl = urlIndex(items)
  const out = items.map(() => new Map<number, number>())
  for (const list of byUrl.values()) {
    for (let a = 0; a < list.length; a++) {
      const row = out[list[a]!]!
      for (let b = 0; b < list.length; b++) if (a !== b) row.set(list[b]!, (row.get(list[b]!) ?? 0) + 1)
    }
  }
  return out
}

/** Higher frequency first; equal ones in input order, so the result is deterministic. */
const byFrequency = (items: SerpKeyword[]) => items.map((_, i) => i).sort((a, b) => items[b]!.frequency - items[a]!.frequency || a - b)

export function clusterBySerp(items: SerpKeyword[], mode: SerpMode, threshold: number): Grouping {
  const links = overlaps(items)
  const linked = (i: number) => [...links[i]!].filter(([, n]) => n >= threshold).map(([j]) => j)
  const order = byFrequency(items)
  const rank = new Map(order.map((i, r) => [i, r]))
  const groups =
    mode === 'serp-moderate'
      ? components(order, linked)
      : mode === 'serp-soft'
        ? markers(order, linked, rank, () => true)
        : markers(order, linked, rank, (j, group) => group.every((m) => (links[j]!.get(m) ?? 0) >= threshold))
  const sorted = groups.map((g) => g.sort((a, b) => rank.get(a)! - rank.get(b)!))
  return { groups: sorted.filter((g) => g.length > 1), unclustered: sorted.filter((g) => g.length === 1).map((g) => g[0]!) }
}

/**
 * Soft and hard: the most frequent free keyword is a marker; free keywords linked to it join it,
 * most frequent first, when `joins` accepts them against the group so far (soft: always; hard:
 * only when linked to every member).
 */
function markers(
  order: number[],
  linked: (i: number) => number[],
  rank: Map<number, number>,
  joins: (j: number, group: number[]) => boolean,
): number[][] {
  const taken = new Set<number>()
  const groups: number[][] = []
  for (const marker of order) {
    if (taken.has(marker)) continue
    taken.add(marker)
    const group = [marker]
    for (const j of linked(marker).sort((a, b) => rank.get(a)! - rank.get(b)!)) {
      if (!taken.has(j) && joins(j, group)) {
        taken.add(j)
        group.push(j)
      }
    }
    groups.push(group)
  }
  return groups
}

/** Moderate: chains of links (A~B, B~C puts A, B and C together): connected components. */
function components(order: number[], linked: (i: number) => number[]): number[][] {
  const seen = new Set<number>()
  const groups: number[][] = []
  for (const start of order) {
    if (seen.has(start)) continue
    seen.add(start)
    const group: number[] = []
    const stack = [start]
    while (stack.length) {
      const i = stack.pop()!
      group.push(i)
      for (const j of linked(i)) {
        if (seen.has(j)) continue
        seen.add(j)
        stack.push(j)
      }
    }
    groups.push(group)
  }
  return groups
}
