import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { EN_EXPORT_BAD_ROWS, adjustedRandIndex, canonicalUrl, loadSeoFixture, pairwiseF1, seoFixturePath } from './helpers/seo-fixtures'

// The labelled SEO keyword sets (test/fixtures/seo/) keep the properties the clustering
// evaluation relies on, and the two scores match hand-computed and textbook values.

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
const shared = (a: Set<string>, b: Set<string>) => [...a].filter((u) => b.has(u)).length

describe.each(['ru', 'en'] as const)('the %s keyword set', (lang) => {
  const rows = loadSeoFixture(lang)
  const sets = rows.map((r) => new Set(r.urls.map(canonicalUrl)))
  const byCluster = new Map<string, number[]>()
  rows.forEach((r, i) => byCluster.set(r.cluster, [...(byCluster.get(r.cluster) ?? []), i]))
  // Members sorted by frequency: the first is the pillar keyword.
  const clusters = [...byCluster.values()].map((idx) => idx.sort((a, b) => rows[b]!.frequency - rows[a]!.frequency))
  const multi = clusters.filter((c) => c.length > 1)

  it('has at least 500 distinct keywords, each with 10 distinct result URLs', () => {
    expect(rows.length).toBeGreaterThanOrEqual(500)
    expect(new Set(rows.map((r) => r.keyword)).size).toBe(rows.length)
    for (const [i, r] of rows.entries()) expect([r.keyword, sets[i]!.size]).toEqual([r.keyword, 10])
  })

  it('has clusters of 8-25 keywords under a topic, plus a few singletons', () => {
    for (const c of multi) expect(c.length).toBeGreaterThanOrEqual(8)
    for (const c of multi) expect(c.length).toBeLessThanOrEqual(25)
    expect(multi.length).toBeGreaterThanOrEqual(30)
    const singletons = clusters.length - multi.length
    expect(singletons).toBeGreaterThanOrEqual(5)
    expect(singletons).toBeLessThan(rows.length * 0.05)
    for (const r of rows) expect(r.cluster.startsWith(`${r.topic}/`)).toBe(true)
    // The pillar is the cluster's most frequent keyword, strictly.
    for (const c of multi) expect(rows[c[0]!]!.frequency).toBeGreaterThan(rows[c[1]!]!.frequency)
  })

  it('has a long tail of frequencies: a few head terms of 10k-100k, most keywords 10-500', () => {
    const f = rows.map((r) => r.frequency)
    const head = f.filter((x) => x >= 10_000).length
    expect(head).toBeGreaterThanOrEqual(5)
    expect(head).toBeLessThan(rows.length * 0.08)
    expect(Math.max(...f)).toBeLessThanOrEqual(100_000)
    expect(Math.min(...f)).toBeGreaterThanOrEqual(10)
    expect(f.filter((x) => x <= 500).length).toBeGreaterThan(rows.length / 2)
  })

  it('shares result URLs inside a gold cluster: many with the pillar, fewer between tail members', () => {
    const withHead = multi.flatMap(([head, ...rest]) => rest.map((i) => shared(sets[head!]!, sets[i]!)))
    const tail = multi.flatMap(([, ...rest]) => rest.flatMap((a, j) => rest.slice(j + 1).map((b) => shared(sets[a]!, sets[b]!))))
    expect(mean(withHead)).toBeGreaterThanOrEqual(4)
    expect(mean(tail)).toBeLessThan(mean(withHead) - 1)
    // Some members link to the pillar only weakly, so soft, moderate and hard modes disagree.
    expect(withHead.filter((x) => x < 3).length).toBeGreaterThanOrEqual(10)
  })

  it('shares a few generic URLs between sibling clusters and almost none across topics', () => {
    const sibling: number[] = []
    const cross: number[] = []
    for (let a = 0; a < rows.length; a++)
      for (let b = a + 1; b < rows.length; b++)
        if (rows[a]!.cluster !== rows[b]!.cluster) (rows[a]!.topic === rows[b]!.topic ? sibling : cross).push(shared(sets[a]!, sets[b]!))
    expect(mean(sibling)).toBeGreaterThan(0.05)
    expect(mean(sibling)).toBeLessThan(1)
    expect(mean(cross)).toBeLessThan(0.5)
    expect(Math.max(...cross.filter((x) => x > 0), 0)).toBeLessThanOrEqual(1)
  })

  it('spells some URLs messily, as exports do', () => {
    const urls = rows.flatMap((r) => r.urls)
    const messy = urls.filter((u) => !u.startsWith('https://') || /[?&](utm_|gclid|yclid)|#|:\/\/[^/]*[A-Z]/.test(u))
    expect(messy.length / urls.length).toBeGreaterThan(0.05)
    expect(messy.length / urls.length).toBeLessThan(0.25)
    for (const pattern of [/^http:\/\//, /:\/\/[^/]*[A-Z]/, /[?&]utm_source=/, lang === 'ru' ? /[?&]yclid=/ : /[?&]gclid=/, /#/])
      expect(urls.some((u) => pattern.test(u))).toBe(true)
  })
})

describe('the CSV exports', () => {
  const ru = loadSeoFixture('ru')
  const en = loadSeoFixture('en')

  it('ru-export.csv: UTF-8 with BOM, ";", CRLF, ten URLs one a line in a quoted cell', () => {
    for (const r of ru) expect(/[;"\n]/.test(r.keyword)).toBe(false)
    const expected = ['Запрос;Частотность;URL', ...ru.map((r) => `${r.keyword};${r.frequency};"${r.urls.join('\n')}"`)].join('\r\n')
    expect(fs.readFileSync(seoFixturePath('ru-export.csv'), 'utf8')).toBe(`\uFEFF${expected}\r\n`)
  })

  it('ru-export-1251.csv: Windows-1251, tab-delimited, the same keywords and frequencies, no URLs', () => {
    const bytes = fs.readFileSync(seoFixturePath('ru-export-1251.csv'))
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const expected = ['Фраза\tЧастота', ...ru.map((r) => `${r.keyword}\t${r.frequency}`)].join('\r\n')
    expect(new TextDecoder('windows-1251').decode(bytes)).toBe(`${expected}\r\n`)
  })

  it('en-export.csv: the documented bad rows on their lines, every other row one keyword of the set', () => {
    const lines = fs.readFileSync(seoFixturePath('en-export.csv'), 'utf8').split('\n')
    expect(lines.pop()).toBe('')
    expect(lines[0]).toBe(['Keyword', 'Search Volume', ...Array.from({ length: 10 }, (_, i) => `URL ${i + 1}`)].join(','))
    const cells = (n: number) => lines[n - 1]!.split(',')
    for (const bad of EN_EXPORT_BAD_ROWS) {
      const [keyword, frequency] = cells(bad.line)
      if (bad.kind === 'empty-keyword') expect(keyword!.replace(/"/g, '').trim()).toBe('')
      if (bad.kind === 'bad-frequency') expect(frequency).toBe(bad.value)
      if (bad.kind === 'duplicate-keyword') expect(keyword).toBe(cells(bad.firstLine)[0])
    }
    const badLines = new Set<number>(EN_EXPORT_BAD_ROWS.map((b) => b.line))
    const good = lines
      .slice(1)
      .filter((_, i) => !badLines.has(i + 2))
      .map((l) => l.split(','))
    expect(good).toEqual(en.map((r) => [r.keyword, String(r.frequency), ...r.urls]))
  })
})

describe('clustering scores', () => {
  const num = (xs: number[]) => xs.map(String)

  it('scores identical and renamed partitions 1', () => {
    expect(adjustedRandIndex(num([0, 0, 1, 1]), num([0, 0, 1, 1]))).toBe(1)
    expect(adjustedRandIndex(num([0, 0, 1, 1]), num([1, 1, 0, 0]))).toBe(1)
    expect(pairwiseF1(num([0, 0, 1, 1]), num([5, 5, 7, 7]))).toEqual({ precision: 1, recall: 1, f1: 1 })
  })

  it('matches the sklearn adjusted_rand_score documentation examples', () => {
    expect(adjustedRandIndex(num([0, 0, 0, 1, 1, 1]), num([0, 0, 1, 1, 2, 2]))).toBeCloseTo(0.24242424, 8)
    expect(adjustedRandIndex(num([0, 0, 1, 2]), num([0, 0, 1, 1]))).toBeCloseTo(4 / 7, 12)
    expect(adjustedRandIndex(num([0, 0, 1, 1]), num([0, 0, 1, 2]))).toBeCloseTo(4 / 7, 12)
    expect(adjustedRandIndex(num([0, 0, 0, 0]), num([0, 1, 2, 3]))).toBe(0)
    expect(adjustedRandIndex(num([0, 0, 1, 1]), num([0, 1, 0, 1]))).toBeCloseTo(-0.5, 12)
  })

  it('computes pairwise precision, recall and F1 by hand on the sklearn example', () => {
    // Gold pairs: 3 + 3 = 6. Predicted pairs: {0,1} {2,3} {4,5} = 3, of which {0,1} and {4,5} are gold pairs.
    const s = pairwiseF1(num([0, 0, 0, 1, 1, 1]), num([0, 0, 1, 1, 2, 2]))
    expect(s.precision).toBeCloseTo(2 / 3, 12)
    expect(s.recall).toBeCloseTo(1 / 3, 12)
    expect(s.f1).toBeCloseTo(4 / 9, 12)
    expect(pairwiseF1(num([0, 0, 1, 1]), num([0, 1, 2, 3]))).toEqual({ precision: 1, recall: 0, f1: 0 })
  })

  it('agrees with counting all pairs one by one on random partitions', () => {
    let seed = 7
    const rand = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % k
    }
    for (let round = 0; round < 20; round++) {
      const n = 30 + rand(40)
      const gold = Array.from({ length: n }, () => `g${rand(6)}`)
      const pred = Array.from({ length: n }, () => `p${rand(1 + rand(9))}`)
      let both = 0,
        onlyGold = 0,
        onlyPred = 0,
        neither = 0
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++) {
          const g = gold[a] === gold[b],
            p = pred[a] === pred[b]
          if (g && p) both++
          else if (g) onlyGold++
          else if (p) onlyPred++
          else neither++
        }
      const total = both + onlyGold + onlyPred + neither
      const expected = ((both + onlyGold) * (both + onlyPred)) / total
      const ari = (both - expected) / ((both + onlyGold + (both + onlyPred)) / 2 - expected)
      expect(adjustedRandIndex(gold, pred)).toBeCloseTo(ari, 10)
      expect(pairwiseF1(gold, pred).precision).toBeCloseTo(both / (both + onlyPred), 10)
      expect(pairwiseF1(gold, pred).recall).toBeCloseTo(both / (both + onlyGold), 10)
    }
  })

  it('rejects partitions of different lengths; gold scores itself 1, all-singletons 0', () => {
    expect(() => adjustedRandIndex(['a'], ['a', 'b'])).toThrow(/length/)
    const gold = loadSeoFixture('en').map((r) => r.cluster)
    expect(adjustedRandIndex(gold, gold)).toBe(1)
    expect(
      adjustedRandIndex(
        gold,
        gold.map((_, i) => `s${i}`),
      ),
    ).toBe(0)
    expect(
      pairwiseF1(
        gold,
        gold.map((_, i) => `s${i}`),
      ).recall,
    ).toBe(0)
  })
})
