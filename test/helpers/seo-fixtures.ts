import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

// The labelled SEO keyword sets (test/fixtures/seo/, see its README) and the two scores the
// issue asks for. Both scores come from the contingency table of the two partitions, so they
// cost O(n + non-empty cells), never a pass over all n^2 keyword pairs.

export const SEO_FIXTURES_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'seo')
export const seoFixturePath = (name: string) => path.join(SEO_FIXTURES_DIR, name)

export const SeoKeyword = z.object({
  keyword: z.string().min(1),
  frequency: z.number().int().nonnegative(),
  /** Gold label: `${topic}/${cluster}`; a singleton is a cluster of its own (`${topic}/single-...`). */
  cluster: z.string().min(1),
  topic: z.string().min(1),
  urls: z.array(z.url()).length(10),
})
export type SeoKeyword = z.infer<typeof SeoKeyword>

export const SeoFixture = z.object({ lang: z.enum(['ru', 'en']), description: z.string(), keywords: z.array(SeoKeyword).min(1) })
export type SeoFixture = z.infer<typeof SeoFixture>

export function loadSeoFixture(lang: 'ru' | 'en'): SeoKeyword[] {
  const file = seoFixturePath(`${lang}-keywords.json`)
  const fixture = SeoFixture.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  if (fixture.lang !== lang) throw new Error(`${file} says lang=${fixture.lang}`)
  return fixture.keywords
}

/**
 * The deliberately bad rows of en-export.csv (1-based physical lines, the header is line 1).
 * The generator puts them exactly here; the importer must report these lines.
 */
export const EN_EXPORT_BAD_ROWS = [
  { line: 42, kind: 'empty-keyword' },
  { line: 137, kind: 'bad-frequency', value: 'n/a' },
  { line: 263, kind: 'duplicate-keyword', firstLine: 10 },
  { line: 388, kind: 'empty-keyword', value: '   ' },
] as const

const TRACKING = /^(?:utm_.+|gclid|yclid|fbclid)$/i

/**
 * The fixtures' own notion of "the same result page": scheme, "www.", host case, trailing
 * slash, fragment and the tracking parameters the generator adds (utm_*, gclid, yclid, fbclid)
 * do not matter; IDN hosts and percent-encoding are compared in their URL-parsed form.
 * Remaining parameters keep their order. Used to check the fixtures, not by the product.
 */
export function canonicalUrl(raw: string): string {
  const url = new URL(raw.trim())
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  const params = [...url.searchParams].filter(([key]) => !TRACKING.test(key))
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : ''
  const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : ''
  return `${host}${pathname}${query}`
}

type Table = { n: number; cells: number[]; rows: number[]; cols: number[] }

function contingency(gold: readonly string[], predicted: readonly string[]): Table {
  if (gold.length !== predicted.length) throw new Error(`partitions differ in length: ${gold.length} vs ${predicted.length}`)
  const cells = new Map<string, number>()
  const rows = new Map<string, number>()
  const cols = new Map<string, number>()
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)
  gold.forEach((g, i) => {
    const p = predicted[i]!
    // JSON of the pair: no separator can collide with a label's own characters.
    bump(cells, JSON.stringify([g, p]))
    bump(rows, g)
    bump(cols, p)
  })
  return { n: gold.length, cells: [...cells.values()], rows: [...rows.values()], cols: [...cols.values()] }
}

const pairs = (k: number) => (k * (k - 1)) / 2
const sumPairs = (counts: number[]) => counts.reduce((s, k) => s + pairs(k), 0)

/**
 * Adjusted Rand index (Hubert & Arabie 1985), as sklearn's adjusted_rand_score: 1 for identical
 * partitions (labels may be renamed), about 0 for chance, negative below chance. When both
 * partitions are trivial in the same way (all singletons, or one cluster) it is 1.
 */
export function adjustedRandIndex(gold: readonly string[], predicted: readonly string[]): number {
  const t = contingency(gold, predicted)
  const index = sumPairs(t.cells)
  const a = sumPairs(t.rows)
  const b = sumPairs(t.cols)
  const total = pairs(t.n)
  const expected = total === 0 ? 0 : (a * b) / total
  const max = (a + b) / 2
  if (max === expected) return 1
  return (index - expected) / (max - expected)
}

/**
 * Pairwise precision/recall/F1: over keyword pairs, "same predicted cluster" against "same gold
 * cluster". With no predicted pairs precision is 1 (nothing was wrongly joined); with no gold
 * pairs recall is 1.
 */
export function pairwiseF1(gold: readonly string[], predicted: readonly string[]): { precision: number; recall: number; f1: number } {
  const t = contingency(gold, predicted)
  const together = sumPairs(t.cells)
  const predictedPairs = sumPairs(t.cols)
  const goldPairs = sumPairs(t.rows)
  const precision = predictedPairs === 0 ? 1 : together / predictedPairs
  const recall = goldPairs === 0 ? 1 : together / goldPairs
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1 }
}

/**
 * A stand-in for a real embeddings model on the labelled sets: each gold cluster is a random
 * direction (seeded by its label), each keyword that direction plus its own noise (seeded by the
 * keyword), so keywords of one gold cluster are similar (cosine ~0.8) and others are not (~0).
 * It tests the semantic pipeline (HTTP, order, clustering, audit), not a model's quality.
 */
export function topicEmbedder(lang: 'ru' | 'en', dims = 48, noise = 0.5): (text: string) => number[] {
  const gold = new Map(loadSeoFixture(lang).map((k) => [k.keyword, k.cluster]))
  const direction = (seed: string, scale: number) => {
    let h = 2166136261
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619)
    return Array.from({ length: dims }, () => {
      h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909)
      return (((h >>> 0) / 4294967296) * 2 - 1) * scale
    })
  }
  return (text) => {
    const own = direction(`kw:${text}`, noise)
    const topic = gold.get(text)
    return topic === undefined ? own : direction(`cluster:${topic}`, 1).map((x, i) => x + own[i]!)
  }
}
