// SEO content plans as runs: the clustering is an algorithm; a configured model only names the
// clusters, through the real SDK against the fake endpoint, and a name for a cluster that does
// not exist is sent back once.
import fs from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SeoDraft } from '../contracts/drafts'
import { loadConfig } from '../server/config'
import { createProvider } from '../server/llm'
import { testTargets } from './helpers/databases'
import { startFakeOpenAi, type FakeOpenAi } from './helpers/fake-openai'
import { seoBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'
import { EN_EXPORT_BAD_ROWS, seoFixturePath } from './helpers/seo-fixtures'

const targets = await testTargets()
const EXPORT = fs.readFileSync(seoFixturePath('en-export.csv'), 'utf8')

describe.each(targets)('SEO content plans on $name', (target) => {
  let fake: FakeOpenAi
  let model: Harness
  let offline: Harness
  beforeAll(async () => {
    fake = await startFakeOpenAi()
    const config = loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseURL, COPYDESK_LLM_MAX_RETRIES: '0' })
    model = await makeHarness(target, { provider: createProvider(config.llm, {}) })
    offline = await makeHarness(target)
  })
  afterAll(async () => {
    await model?.close()
    await offline?.close()
    await fake?.close()
  })
  beforeEach(() => fake.reset())

  it('offline: clusters by shared results, a pillar and pieces per cluster, bad rows reported by line', async () => {
    const writer = await offline.as('writer')
    const { runId, run } = await offline.runToGate(writer, seoBrief(EXPORT))
    expect(run.status).toBe('awaiting_review')
    expect(run.draft).toMatchObject({ kind: 'seo_clusters', engine: 'offline', promptId: 'seo-clusters' })
    const d = SeoDraft.parse(run.draft.content)
    expect(d).toMatchObject({ mode: 'serp-soft', threshold: 3 })
    expect(d.clusters.length).toBeGreaterThan(30)
    expect(d.problems.map((p) => p.line)).toEqual(EN_EXPORT_BAD_ROWS.map((r) => r.line))
    for (const c of d.clusters) {
      expect(c.keywords[0]).toBe(c.pillar)
      expect(c.frequency).toBe(c.keywords.reduce((n, k) => n + (d.frequencies[k] ?? 0), 0))
    }
    expect(d.clusters.some((c) => c.plan.pieces.some((p) => p.kind === 'comparison'))).toBe(true)
    expect(run.draft.text).toContain('Pillar page: ')
    // the offline engine keeps the pillar keyword as each cluster's name, and says so in the log
    expect(d.clusters.every((c) => c.label === c.pillar)).toBe(true)
    const [call] = await offline.sql`select data from audit_log where run_id = ${runId} and action = 'llm.call'`
    expect(call!.data).toMatchObject({ engine: 'offline', kind: 'seo_clusters', outcome: 'ok' })
  })

  it('a model names the clusters; a name for a cluster that does not exist goes back once', async () => {
    fake.push(
      { content: { names: [{ cluster: 0, name: 'Asana: pricing and reviews' }, { cluster: 999, name: 'Nowhere' }] } },
      { content: { names: [{ cluster: 0, name: 'Asana: pricing and reviews' }] } },
    )
    const writer = await model.as('writer')
    const { run } = await model.runToGate(writer, seoBrief(EXPORT))
    expect(run.status).toBe('awaiting_review')
    const d = SeoDraft.parse(run.draft.content)
    expect(d.clusters[0]!.label).toBe('Asana: pricing and reviews')
    expect(d.clusters[0]!.pillar).not.toBe(d.clusters[0]!.label)
    expect(d.clusters[1]!.label).toBe(d.clusters[1]!.pillar)
    const [first, second] = fake.requests.map((r) => r.body)
    expect(first.response_format.json_schema.name).toBe('ClusterNames')
    expect(first.messages[1].content).toContain(`0. ${d.clusters[0]!.keywords.slice(0, 12).join('; ')}\n1. `)
    expect(second.messages[3].content).toMatch(/names\.1\.cluster: there are clusters 0 to \d+/)
  })

  it('an export with nothing usable fails the run with the reason', async () => {
    const writer = await offline.as('writer')
    const { run } = await offline.runToGate(writer, seoBrief('Keyword,Volume\n,10\n'))
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/no usable rows/)
  })
})
