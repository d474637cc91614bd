import { describe, expect, it } from 'vitest'
import { clusterSemantically, EXACT_UP_TO, unitVectors } from './semantic'

/** `k` random directions; each item is its direction plus noise: clusters with cosine ~0.8 inside. */
function planted(n: number, k: number, dims = 32, noise = 0.4) {
  let seed = n * 7919 + k
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return (seed / 4294967296) * 2 - 1
  }
  const centres = Array.from({ length: k }, () => Array.from({ length: dims }, random))
  const labels = Array.from({ length: n }, (_, i) => i % k)
  return { labels, vectors: labels.map((c) => centres[c]!.map((x) => x + noise * random())) }
}

/** Same partition (up to cluster order), singletons included. */
function partition(g: { groups: number[][]; unclustered: number[] }) {
  return [...g.groups.map((x) => x.join(',')), ...g.unclustered.map(String)].sort()
}
function goldPartition(labels: number[]) {
  const by = new Map<number, number[]>()
  labels.forEach((c, i) => by.set(c, [...(by.get(c) ?? []), i]))
  return [...by.values()].map((x) => x.join(',')).sort()
}

describe('semantic keyword clustering (embeddings)', () => {
  it('finds planted clusters in the exact path and keeps unrelated vectors apart', () => {
    const { labels, vectors } = planted(300, 20)
    const g = clusterSemantically(vectors, { threshold: 0.5 })
    expect(partition(g)).toEqual(goldPartition(labels))
    // a threshold above every similarity merges nothing; zero vectors are similar to nothing
    expect(clusterSemantically(vectors, { threshold: 1.01 }).groups).toEqual([])
    expect(
      clusterSemantically(
        [
          [0, 0],
          [0, 0],
          [1, 0],
        ],
        { threshold: 0.1 },
      ).groups,
    ).toEqual([])
  })

  it('above the exact size SimHash candidates give the same clusters, deterministically', () => {
    const n = EXACT_UP_TO + 500
    const { labels, vectors } = planted(n, Math.round(n / 10), 64)
    const first = clusterSemantically(vectors, { threshold: 0.5 })
    expect(partition(first)).toEqual(goldPartition(labels))
    expect(clusterSemantically(vectors, { threshold: 0.5 })).toEqual(first)
  })

  it('unit vectors have length 1, whatever scale the model uses', () => {
    const [v] = unitVectors([[3, 4]])
    expect(Array.from(v!)).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)])
  })
})
