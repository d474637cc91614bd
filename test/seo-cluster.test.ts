// SEO clustering on the labelled fixture sets (test/fixtures/seo): quality per mode against the
// gold clusters (adjusted Rand index, pairwise F1, cluster count), and `copydesk seo cluster`
// as a user runs it on the CSV exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clusterKeywords, type ClusterMode } from '../server/seo/cluster'
import { runCliHere, spawnCli, type CliResult } from './helpers/child-server'
import { startFakeOpenAi, type FakeOpenAi } from './helpers/fake-openai'
import { adjustedRandIndex, EN_EXPORT_BAD_ROWS, loadSeoFixture, pairwiseF1, seoFixturePath, topicEmbedder } from './helpers/seo-fixtures'

/** Without this process's OPENAI_* variables: a model only where a test names one. */
const noModel = Object.fromEntries(Object.keys(process.env).flatMap((k) => (k.startsWith('OPENAI_') ? [[k, undefined]] : [])))
const result = (r: CliResult) => ({ status: r.code, stdout: r.out, stderr: r.err })
/** `copydesk` in a child process, as a user runs it: once for each kind of answer (it must also exit by itself). */
async function cli(...args: string[]) {
  return cliWith({}, ...args)
}
async function cliWith(env: Record<string, string>, ...args: string[]) {
  return result(await spawnCli(args, { env: { ...noModel, ...env } }))
}
/** The same command in this process (runCli, all the bin runs): the other cases, without the second of start-up each. */
async function here(...args: string[]) {
  return hereWith({}, ...args)
}
async function hereWith(env: Record<string, string>, ...args: string[]) {
  return result(await runCliHere(args, { env: { ...noModel, ...env } }))
}

/** Gold and predicted labels, keyword by keyword; each unclustered keyword is its own cluster. */
function labels(lang: 'ru' | 'en', out: { clusters: { keywords: string[] }[] }) {
  const gold = loadSeoFixture(lang)
  const predicted = new Map<string, string>()
  out.clusters.forEach((c, i) => c.keywords.forEach((k) => predicted.set(k, `c${i}`)))
  return { gold: gold.map((k) => k.cluster), predicted: gold.map((k) => predicted.get(k.keyword) ?? `single:${k.keyword}`) }
}

// Floors a change must not fall below; the lexical mode is weak on these intent-level labels.
const FLOORS: [ClusterMode, number, number][] = [
  ['serp-weighted', 0.1, 0.95],
  ['serp-soft', 3, 0.9],
  ['serp-moderate', 4, 0.95],
  ['serp-hard', 3, 0.5],
  ['lexical', 0.2, 0.28],
]

describe('SEO clustering quality on the labelled sets', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(`${lang}: every mode above its floor (quality report)`, () => {
      const rows = loadSeoFixture(lang).map((k) => ({ keyword: k.keyword, frequency: k.frequency, urls: k.urls }))
      const goldCount = new Set(loadSeoFixture(lang).map((k) => k.cluster)).size
      for (const [mode, threshold, floor] of FLOORS) {
        const out = clusterKeywords(rows, { mode, threshold })
        const { gold, predicted } = labels(lang, out)
        const ari = adjustedRandIndex(gold, predicted)
        const f = pairwiseF1(gold, predicted)
        console.log(
          `seo ${lang} ${mode}@${threshold}: ARI ${ari.toFixed(3)}, pairwise P ${f.precision.toFixed(2)} R ${f.recall.toFixed(2)} F1 ${f.f1.toFixed(3)}, ${out.clusters.length} clusters + ${out.unclustered.length} unclustered (gold ${goldCount})`,
        )
        expect(ari, `${lang} ${mode}`).toBeGreaterThanOrEqual(floor)
        expect(out.clusters.reduce((n, c) => n + c.keywords.length, 0) + out.unclustered.length).toBe(rows.length)
      }
    })
  }
})

describe('copydesk seo cluster', () => {
  it('a RU export with URLs (UTF-8 BOM, ";", URLs in one cell): serp-weighted by default, the contract shape', async () => {
    const r = await cli('seo', 'cluster', seoFixturePath('ru-export.csv'), '--json')
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out).toMatchObject({ mode: 'serp-weighted', threshold: 0.1, encoding: 'utf-8-bom' })
    for (const c of out.clusters) {
      expect(typeof c.label).toBe('string')
      expect(c.keywords[0]).toBe(c.pillar)
      expect(typeof c.frequency).toBe('number')
    }
    expect(Array.isArray(out.unclustered)).toBe(true)
    const { gold, predicted } = labels('ru', out)
    expect(adjustedRandIndex(gold, predicted)).toBeGreaterThanOrEqual(0.9)
  })

  it('bad rows are reported on stderr by line number; modes and thresholds are checked', async () => {
    const r = await here('seo', 'cluster', seoFixturePath('en-export.csv'), '--mode', 'serp-moderate', '--threshold', '4', '--json')
    expect(r.status, r.stderr).toBe(0)
    const reported = r.stderr
      .trim()
      .split('\n')
      .map((l) => Number(/en-export\.csv:(\d+):/.exec(l)?.[1]))
    expect(reported).toEqual(EN_EXPORT_BAD_ROWS.map((b) => b.line))
    expect(r.stderr).toMatch(/:263: duplicate: .* already on line 10/)
    expect(JSON.parse(r.stdout)).toMatchObject({ mode: 'serp-moderate', threshold: 4 })
    expect((await here('seo', 'cluster', seoFixturePath('en-export.csv'), '--mode', 'fuzzy')).status).toBe(2)
    const bad = await here('seo', 'cluster', seoFixturePath('en-export.csv'), '--threshold', '11')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/similarity between 0 and 1/) // the default mode, serp-weighted
    const badCount = await here('seo', 'cluster', seoFixturePath('en-export.csv'), '--mode', 'serp-soft', '--threshold', '0.5')
    expect(badCount.status).toBe(2)
    expect(badCount.stderr).toMatch(/1 to 10/)
    expect((await here('seo', 'cluster', 'no-such.csv')).stderr).toMatch(/no such file/)
  })

  it('a Windows-1251 export without URLs goes lexical; readable text without --json', async () => {
    const r = await cli('seo', 'cluster', seoFixturePath('ru-export-1251.csv'))
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^\d+ keywords \(windows-1251\), mode lexical, threshold 0\.2: \d+ clusters/)
    expect(r.stdout).toMatch(/пластиковые окна/)
    expect((await here('seo', 'cluster', seoFixturePath('ru-export-1251.csv'), '--mode', 'serp-soft')).stderr).toMatch(/needs result URLs/)
  })

  describe("--mode semantic (a model's embeddings)", () => {
    let fake: FakeOpenAi
    beforeAll(async () => {
      fake = await startFakeOpenAi()
    })
    afterAll(async () => fake?.close())

    it('embeds every keyword through the configured endpoint and clusters by meaning; the cost goes to stderr', async () => {
      fake.setEmbedder(topicEmbedder('ru'))
      const env = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseURL, COPYDESK_EMBEDDING_MODEL: 'text-embedding-3-small' }
      const r = await cliWith(env, 'seo', 'cluster', seoFixturePath('ru-export-1251.csv'), '--mode', 'semantic', '--json')
      expect(r.status, r.stderr).toBe(0)
      const out = JSON.parse(r.stdout)
      expect(out).toMatchObject({ mode: 'semantic', threshold: 0.5 })
      expect(fake.embeddingRequests).toHaveLength(1)
      expect(fake.embeddingRequests[0].input).toHaveLength(out.keywords)
      expect(r.stderr).toMatch(new RegExp(`embeddings: text-embedding-3-small, ${out.keywords} keywords, \\d+ tokens, \\$0\\.0`))
      const { gold, predicted } = labels('ru', out)
      // the stand-in embeddings carry the gold topics; the pipeline must keep them
      expect(adjustedRandIndex(gold, predicted)).toBeGreaterThanOrEqual(0.95)
    })

    it('is refused without a key, and an endpoint error is reported, with no clusters made up', async () => {
      const none = await hereWith({}, 'seo', 'cluster', seoFixturePath('ru-export-1251.csv'), '--mode', 'semantic')
      expect(none.status).toBe(2)
      expect(none.stderr).toMatch(/semantic mode needs a model with an embeddings endpoint: set OPENAI_API_KEY/)
      expect(none.stdout).toBe('')
      fake.failEmbeddings(400)
      const failed = await hereWith(
        { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseURL },
        'seo',
        'cluster',
        seoFixturePath('ru-export-1251.csv'),
        '--mode',
        'semantic',
      )
      expect(failed.status).toBe(1)
      expect(failed.stderr).toMatch(/the embeddings call failed \(bad_request\)/)
    })
  })
})
