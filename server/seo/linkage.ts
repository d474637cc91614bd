// Agglomerative clustering with average linkage over a sparse similarity graph: the lexical and
// the semantic modes differ only in how they find each keyword's nearest neighbours.
import { MinHeap } from './heap'
import type { Grouping } from './serp'

/**
 * Average linkage: repeatedly merge the two clusters whose mean pairwise similarity is highest
 * (pairs never compared count as 0), until no pair of clusters reaches `threshold`. `sim[i]` maps
 * each neighbour of item i to their similarity (symmetric); it is consumed: rows become the sums
 * of pairwise similarities between clusters.
 */
export function averageLinkage(sim: Map<number, number>[], threshold: number): Grouping {
  const n = sim.length
  const size = Array.from({ length: n }, () => 1)
  const members: number[][] = Array.from({ length: n }, (_, i) => [i])
  const alive = Array.from({ length: n }, () => true)
  const avg = (a: number, b: number) => (sim[a]!.get(b) ?? 0) / (size[a]! * size[b]!)
  // Lazy heap: an entry's average may be stale; on pop it is recomputed and pushed again if it changed.
  const heap = new MinHeap<[number, number, number]>((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2])
  const push = (x: number, y: number) => {
    const value = avg(x, y)
    if (value >= threshold) heap.push([value, Math.min(x, y), Math.max(x, y)])
  }
  sim.forEach((row, a) => row.forEach((_, b) => a < b && push(a, b)))
  while (heap.size > 0) {
    const [value, a, b] = heap.pop()!
    if (!alive[a] || !alive[b]) continue
    const now = avg(a, b)
    if (Math.abs(now - value) > 1e-12) {
      if (now >= threshold) heap.push([now, a, b])
      continue
    }
    // merge the smaller into the larger: only the smaller one's neighbours change their sums
    const [big, small] = size[a]! >= size[b]! ? [a, b] : [b, a]
    alive[small] = false
    size[big]! += size[small]!
    members[big]!.push(...members[small]!)
    members[small] = []
    const bigRow = sim[big]!
    bigRow.delete(small)
    for (const [n, s] of sim[small]!) {
      if (n === big) continue
      const total = (bigRow.get(n) ?? 0) + s
      bigRow.set(n, total)
      sim[n]!.set(big, total)
      sim[n]!.delete(small)
      push(big, n)
    }
    sim[small] = new Map()
  }
  const groups = members.filter((m, i) => alive[i] && m.length > 0).map((m) => m.sort((x, y) => x - y))
  return { groups: groups.filter((g) => g.length > 1), unclustered: groups.filter((g) => g.length === 1).map((g) => g[0]!) }
}
