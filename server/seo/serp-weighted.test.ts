import { describe, expect, it } from 'vitest'
import { clusterBySerp } from './serp'
import { clusterBySerpSimilarity, serpSimilarities } from './serp-weighted'

/** Two topics of four keywords each: two pages of their own topic, and three aggregators that rank for every keyword. */
function twoTopics() {
  const generic = ['market.example/', 'answers.example/', 'video.example/']
  const topic = (name: string) =>
    Array.from({ length: 4 }, (_, i) => ({
      keyword: `${name} ${i}`,
      frequency: 100 - i,
      urls: [`${name}-guide.example/a`, `${name}-shop.example/b`, ...generic, `${name}-${i}.example/only`],
    }))
  return [...topic('desk'), ...topic('podcast')]
}

describe('SERP clustering with specific URLs weighted up', () => {
  it('aggregators that rank for every topic do not merge topics; counting shared URLs does', () => {
    const items = twoTopics()
    const byName = (g: number[][]) =>
      g.map((group) =>
        group
          .map((i) => items[i]!.keyword.split(' ')[0])
          .sort()
          .join(','),
      )
    // five shared URLs inside a topic, three across: a count threshold of 3 joins both topics
    expect(byName(clusterBySerp(items, 'serp-soft', 3).groups)).toEqual(['desk,desk,desk,desk,podcast,podcast,podcast,podcast'])
    expect(byName(clusterBySerpSimilarity(items, 0.1).groups).sort()).toEqual(['desk,desk,desk,desk', 'podcast,podcast,podcast,podcast'])
  })

  it('a URL that ranks for every keyword weighs nothing: keywords sharing only it are not similar', () => {
    const items = [
      { keyword: 'a', frequency: 1, urls: ['everywhere.example/', 'a.example/'] },
      { keyword: 'b', frequency: 1, urls: ['everywhere.example/', 'b.example/'] },
    ]
    expect(serpSimilarities(items)[0]!.get(1) ?? 0).toBe(0)
    expect(clusterBySerpSimilarity(items, 0.1)).toEqual({ groups: [], unclustered: [0, 1] })
  })

  it('similarity is symmetric and at most 1 (the same results: 1)', () => {
    const items = [
      { keyword: 'a', frequency: 1, urls: ['x.example/1', 'y.example/2'] },
      { keyword: 'b', frequency: 1, urls: ['y.example/2', 'x.example/1'] },
      { keyword: 'c', frequency: 1, urls: ['z.example/3'] },
    ]
    const s = serpSimilarities(items)
    expect(s[0]!.get(1)).toBeCloseTo(1, 10)
    expect(s[1]!.get(0)).toBe(s[0]!.get(1))
    expect(s[2]!.size).toBe(0)
  })
})
