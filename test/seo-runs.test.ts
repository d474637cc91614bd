// SEO content plans as runs: the clustering is an algorithm; a configured model only names the
// clusters, through the real SDK against the fake endpoint, and a name for a cluster that does
// not exist is sent back once.
import readExcelFile from 'read-excel-file/node'
import writeExcelFile from 'write-excel-file/node'
import fs from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SeoDraft } from '../contracts/drafts'
import { testTargets } from './helpers/databases'
import { startFakeOpenAi, type FakeOpenAi } from './helpers/fake-openai'
import { seoBrief } from './helpers/fixtures'
import { makeHarness, makeModelHarness, type Harness } from './helpers/harness'
import { adjustedRandIndex, EN_EXPORT_BAD_ROWS, loadSeoFixture, seoFixturePath, topicEmbedder } from './helpers/seo-fixtures'

const targets = await testTargets()
const EXPORT = fs.readFileSync(seoFixturePath('en-export.csv'), 'utf8')

describe.each(targets)('SEO content plans on $name', (target) => {
  let fake: FakeOpenAi
  let model: Harness
  let offline: Harness
  beforeAll(async () => {
    fake = await startFakeOpenAi()
    model = await makeModelHarness(target, fake)
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
    expect(d).toMatchObject({ mode: 'serp-weighted', threshold: 0.1 })
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
    const [call] =
      await offline.sql`select data from audit_log where run_id = ${runId} and action = 'llm.call' and data ->> 'purpose' = 'draft'`
    expect(call!.data).toMatchObject({ engine: 'offline', kind: 'seo_clusters', outcome: 'ok' })
  })

  it('a model names the clusters; a name for a cluster that does not exist goes back once', async () => {
    fake.push(
      {
        content: {
          names: [
            { cluster: 0, name: 'Asana: pricing and reviews' },
            { cluster: 999, name: 'Nowhere' },
          ],
        },
      },
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

  it('an upload in any encoding or XLSX becomes the CSV a brief keeps, skipped rows by line', async () => {
    const writer = await offline.as('writer')
    const ru = await writer.bytes('POST', '/api/seo/import', fs.readFileSync(seoFixturePath('ru-export-1251.csv')))
    expect(ru.status).toBe(200)
    const body = JSON.parse(new TextDecoder().decode(ru.bytes))
    expect(body).toMatchObject({ encoding: 'windows-1251', withUrls: false })
    expect(body.csv.split(/\r?\n/)[0]).toBe('keyword;frequency;urls')
    expect(body.csv).toContain('пластиковые окна;')
    const en = JSON.parse(
      new TextDecoder().decode((await writer.bytes('POST', '/api/seo/import', fs.readFileSync(seoFixturePath('en-export.csv')))).bytes),
    )
    expect(en.withUrls).toBe(true)
    expect(en.problems.map((p: { line: number }) => p.line)).toEqual(EN_EXPORT_BAD_ROWS.map((r) => r.line))
    // each with the values the UI words it with, in either language
    for (const p of en.problems as { problem: string; params?: Record<string, unknown> }[])
      expect(p.params, p.problem).toEqual(
        p.problem === 'duplicate'
          ? { keyword: expect.any(String), first: expect.any(Number) }
          : p.problem === 'bad_frequency'
            ? { value: expect.any(String) }
            : {},
      )
    // the normalised CSV drafts the same plan as the original export
    const { run } = await offline.runToGate(writer, seoBrief(en.csv))
    const direct = await offline.runToGate(writer, seoBrief(EXPORT))
    expect(SeoDraft.parse(run.draft.content).clusters.map((c) => c.keywords)).toEqual(
      SeoDraft.parse(direct.run.draft.content).clusters.map((c) => c.keywords),
    )

    const book = await writeExcelFile([
      ['Запрос', 'Частотность'],
      ['натяжные потолки', 1000],
      ['натяжной потолок цена', 300],
    ]).toBuffer()
    const x = JSON.parse(new TextDecoder().decode((await writer.bytes('POST', '/api/seo/import', book)).bytes))
    expect(x).toMatchObject({ encoding: 'xlsx', keywords: 2 })
    const bad = await writer.bytes('POST', '/api/seo/import', new TextEncoder().encode('a,b\n1,2\n'))
    expect(bad.status).toBe(400)
    expect(new TextDecoder().decode(bad.bytes)).toMatch(/no keyword column/)
    expect((await (await offline.as('editor')).bytes('POST', '/api/seo/import', new TextEncoder().encode('keyword\nx\n'))).status).toBe(403)
  })

  it('the writer moves keywords by hand: a new version with every cluster derived again; exports as CSV and XLSX', async () => {
    const writer = await offline.as('writer')
    const { runId, run } = await offline.runToGate(writer, seoBrief(EXPORT))
    const d = SeoDraft.parse(run.draft.content)
    const [a, b] = d.clusters
    const moved = a!.keywords.at(-1)!
    const edited = {
      ...d,
      clusters: d.clusters.map((c, i) =>
        i === 0 ? { ...c, keywords: c.keywords.slice(0, -1) } : i === 1 ? { ...c, keywords: [...c.keywords, moved] } : c,
      ),
    }
    const r = await writer.post(`/api/runs/${runId}/edits`, { version: 1, content: edited })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    await offline.worker.drain()
    const after = (await writer.get(`/api/runs/${runId}`)).body
    expect(after.draft).toMatchObject({ version: 2, engine: 'human' })
    const v2 = SeoDraft.parse(after.draft.content)
    const target = v2.clusters.find((c) => c.pillar === b!.pillar)!
    expect(target.keywords).toContain(moved)
    expect(target.frequency).toBe(b!.frequency + (d.frequencies[moved] ?? 0))
    expect(after.draft.text).toContain(moved)
    expect(after.draft.edit.distance).toBeGreaterThan(0)

    // a keyword lost or invented is refused, naming it
    const lost = await writer.post(`/api/runs/${runId}/edits`, { version: 2, content: { ...v2, unclustered: v2.unclustered.slice(1) } })
    expect(lost.status).toBe(400)
    expect(lost.body.message).toMatch(/missing: "/)
    expect((await writer.post(`/api/runs/${runId}/edits`, { version: 2 })).status).toBe(400)
    // the structure is the edit: a text edit would leave text and plan apart
    const asText = await writer.post(`/api/runs/${runId}/edits`, { version: 2, text: 'My own plan' })
    expect(asText.status).toBe(400)
    expect(asText.body.message).toMatch(/moving keywords/)

    const csv = await writer.bytes('GET', `/api/runs/${runId}/drafts/2/export?format=csv`)
    expect(csv.headers.get('content-disposition')).toMatch(/content-plan-v2\.csv/)
    const lines = new TextDecoder()
      .decode(csv.bytes)
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/)
    expect(lines[0]).toBe('keyword,cluster,pillar,intent,frequency,role')
    expect(lines.length - 1).toBe(Object.keys(v2.frequencies).length)
    const xlsx = await writer.bytes('GET', `/api/runs/${runId}/drafts/2/export?format=xlsx`)
    const back = await readExcelFile(Buffer.from(xlsx.bytes))
    expect(back.map((w) => w.sheet)).toEqual(['Keywords', 'Content plan'])
    expect(back[1]!.data.length).toBeGreaterThan(v2.clusters.length)
    // in Russian when asked (the Russian UI asks): headers, sheets, roles and intents
    const ru = await writer.bytes('GET', `/api/runs/${runId}/drafts/2/export?format=xlsx&lang=ru`)
    const [keywords, plan] = await readExcelFile(Buffer.from(ru.bytes))
    expect([keywords!.sheet, plan!.sheet]).toEqual(['Запросы', 'Контент-план'])
    expect(keywords!.data[0]).toEqual(['запрос', 'кластер', 'основной запрос', 'интент', 'частотность', 'роль'])
    const words = keywords!.data.slice(1).flatMap((row) => [row[3], row[5]].filter((v) => typeof v === 'string' && v !== ''))
    expect(words.length).toBeGreaterThan(0)
    for (const w of words) expect(w).toMatch(/^[а-яё ]+$/)
    expect((await writer.bytes('GET', `/api/runs/${runId}/drafts/2/export?format=csv&lang=de`)).status).toBe(400)
  })

  it('semantic: the keywords are embedded through the model (an audited call), then clustered and named', async () => {
    fake.setEmbedder(topicEmbedder('en'))
    fake.setFallback({ content: { names: [] } })
    const writer = await model.as('writer')
    const { runId, run } = await model.runToGate(writer, seoBrief(EXPORT, { inputs: { keywordsCsv: EXPORT, mode: 'semantic' } }))
    expect(run.status, run.error).toBe('awaiting_review')
    const d = SeoDraft.parse(run.draft.content)
    expect(d).toMatchObject({ mode: 'semantic', threshold: 0.5 })
    const gold = new Map(loadSeoFixture('en').map((k) => [k.keyword, k.cluster]))
    const predicted = new Map<string, string>()
    d.clusters.forEach((c, i) => c.keywords.forEach((k) => predicted.set(k, `c${i}`)))
    const keys = [...gold.keys()].filter((k) => k in d.frequencies)
    expect(
      adjustedRandIndex(
        keys.map((k) => gold.get(k)!),
        keys.map((k) => predicted.get(k) ?? k),
      ),
    ).toBeGreaterThanOrEqual(0.95)
    expect(fake.embeddingRequests[0].input).toHaveLength(Object.keys(d.frequencies).length)
    const calls = await model.sql`select data from audit_log where run_id = ${runId} and action = 'llm.call' order by seq`
    expect(calls.map((c) => c.data.part ?? null)).toEqual(['embeddings', null])
    expect(calls[0]!.data).toMatchObject({ engine: 'openai', model: 'text-embedding-3-small', outcome: 'ok', kind: 'seo_clusters' })
    expect(calls[0]!.data.tokensIn).toBeGreaterThan(0)
  })

  it('semantic without a model fails the run with the reason; a failed embeddings call is on record', async () => {
    const writer = await offline.as('writer')
    const { run } = await offline.runToGate(writer, seoBrief(EXPORT, { inputs: { keywordsCsv: EXPORT, mode: 'semantic' } }))
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/semantic mode needs a model with an embeddings endpoint/)
    fake.failEmbeddings(400)
    const failed = await model.runToGate(await model.as('writer'), seoBrief(EXPORT, { inputs: { keywordsCsv: EXPORT, mode: 'semantic' } }))
    expect(failed.run.status).toBe('failed')
    const [call] =
      await model.sql`select data from audit_log where run_id = ${failed.runId} and action = 'llm.call' and data ->> 'purpose' = 'draft'`
    expect(call!.data).toMatchObject({ part: 'embeddings', outcome: 'bad_request' })
  })

  it("the rows an upload skipped are kept with the draft, by the uploaded file's lines", async () => {
    const writer = await offline.as('writer')
    const upload = JSON.parse(
      new TextDecoder().decode((await writer.bytes('POST', '/api/seo/import', fs.readFileSync(seoFixturePath('en-export.csv')))).bytes),
    )
    const { run } = await offline.runToGate(
      writer,
      seoBrief(upload.csv, { inputs: { keywordsCsv: upload.csv, importProblems: upload.problems } }),
    )
    expect(SeoDraft.parse(run.draft.content).problems.map((p) => p.line)).toEqual(EN_EXPORT_BAD_ROWS.map((r) => r.line))
  })

  it('an export with nothing usable fails the run with the reason', async () => {
    const writer = await offline.as('writer')
    const { run } = await offline.runToGate(writer, seoBrief('Keyword,Volume\n,10\n'))
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/no usable rows/)
  })
})
