import { describe, expect, it } from 'vitest'
import { clusterBySerp, overlaps, type SerpKeyword } from './serp'

const urls = (...ids: (string | number)[]) => ids.map((id) => `site${id}.ru/page`)
// A (head) shares 3 with B and 3 with C; B and C share only 1; D shares 3 with C only; E is alone.
const ITEMS: SerpKeyword[] = [
  { keyword: 'A', frequency: 1000, urls: urls(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) },
  { keyword: 'B', frequency: 500, urls: urls(1, 2, 3, 11, 12, 13, 14, 15, 16, 17) },
  { keyword: 'C', frequency: 300, urls: urls(4, 5, 6, 11, 21, 22, 23, 24, 25, 26) },
  { keyword: 'D', frequency: 100, urls: urls(21, 22, 23, 31, 32, 33, 34, 35, 36, 37) },
  { keyword: 'E', frequency: 50, urls: urls(41, 42, 43, 44, 45, 46, 47, 48, 49, 50) },
]
const names = (g: { groups: number[][]; unclustered: number[] }) => ({
  groups: g.groups.map((x) => x.map((i) => ITEMS[i]!.keyword).join('')),
  unclustered: g.unclustered.map((i) => ITEMS[i]!.keyword),
})

describe('SERP-overlap clustering', () => {
  it('counts shared URLs through the inverted index', () => {
    const o = overlaps(ITEMS)
    expect(o[0]!.get(1)).toBe(3)
    expect(o[1]!.get(2)).toBe(1)
    expect(o[2]!.get(3)).toBe(3)
    expect(o[4]!.size).toBe(0)
    // a URL listed twice in one keyword's results counts once
    expect(
      overlaps([
        { keyword: 'x', frequency: 1, urls: ['a.ru', 'a.ru'] },
        { keyword: 'y', frequency: 1, urls: ['a.ru'] },
      ])[0]!.get(1),
    ).toBe(1)
  })

  it('soft: members join the marker, not each other; D is linked to C, not to the marker A', () => {
    expect(names(clusterBySerp(ITEMS, 'serp-soft', 3))).toEqual({ groups: ['ABC'], unclustered: ['D', 'E'] })
  })

  it('moderate: chains put A, B, C and D together', () => {
    expect(names(clusterBySerp(ITEMS, 'serp-moderate', 3))).toEqual({ groups: ['ABCD'], unclustered: ['E'] })
  })

  it('hard: every pair linked, so B and C (1 shared) cannot both join A; C then heads a group with D', () => {
    expect(names(clusterBySerp(ITEMS, 'serp-hard', 3))).toEqual({ groups: ['AB', 'CD'], unclustered: ['E'] })
    expect(names(clusterBySerp(ITEMS, 'serp-hard', 1))).toEqual({ groups: ['ABC'], unclustered: ['D', 'E'] })
  })

  it('the threshold decides: at 4 nothing links', () => {
    expect(names(clusterBySerp(ITEMS, 'serp-moderate', 4))).toEqual({ groups: [], unclustered: ['A', 'B', 'C', 'D', 'E'] })
  })
})
