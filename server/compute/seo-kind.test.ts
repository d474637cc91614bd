// The SEO kind through the pool fails and succeeds exactly as it did in-thread: the callers
// (the worker's failure message, the run's status) see the same classes and messages.
import { afterAll, describe, expect, it } from 'vitest'
import { seoKind } from '../drafting/seo'
import type { BriefInputs } from '../../contracts/briefs'
import type { DraftingTask } from '../drafting/types'
import { AppError } from '../errors'
import { OfflineProvider } from '../llm/offline-provider'
import { clusterKeywords } from '../seo/cluster'
import { importText } from '../seo/import'
import { closePool } from './pool'

const task = (inputs: BriefInputs<'seo_clusters'>): DraftingTask => ({
  brief: {
    kind: 'seo_clusters',
    title: 't',
    audience: 'a',
    task: 't',
    offer: 'o',
    format: 'f',
    channel: 'blog',
    deadline: '2026-12-15',
    qualityCriteria: 'q',
    successMetrics: 's',
    lang: 'en',
    inputs,
  },
  feedback: null,
  previous: null,
  limits: { headlineMaxLength: 80 },
})
const ctx = { provider: new OfflineProvider(), onCall: async () => {} }
const CSV =
  'keyword,frequency\ncrm for small business,900\nbest crm for small business,300\nvpn for mac,800\nfree vpn for mac,400\nbanana bread,5\n'

describe('SEO drafting through the compute pool', () => {
  afterAll(() => closePool())

  it('plans as the in-thread functions do, and the draft passes its own parse', async () => {
    const plan = await seoKind.prepare!(task({ keywordsCsv: CSV, mode: 'lexical' }), ctx)
    expect(plan.clusters.map((c) => c.keywords)).toEqual(
      clusterKeywords(importText(CSV).rows, { mode: 'lexical' }).clusters.map((c) => c.keywords),
    )
    const out = seoKind.combine([{ names: [{ cluster: 0, name: 'CRM' }] }], task({ keywordsCsv: CSV }), plan)
    expect(seoKind.parse!(out).clusters[0]!.label).toBe('CRM')
    expect(() => seoKind.parse!({ ...out, clusters: [{ ...out.clusters[0]!, label: 7 as unknown as string }] })).toThrow()
  })

  it('bad exports and options are still 400s with the same messages', async () => {
    const refused = (inputs: BriefInputs<'seo_clusters'>) => seoKind.prepare!(task(inputs), ctx).catch((e: unknown) => e as AppError)
    const empty = await refused({ keywordsCsv: 'Keyword,Volume\n,10\n' })
    expect(empty).toBeInstanceOf(AppError)
    expect(empty).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/no usable rows/) })
    expect(await refused({ keywordsCsv: CSV, mode: 'semantic' })).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/semantic mode needs a model with an embeddings endpoint/),
    })
    expect(await refused({ keywordsCsv: CSV, mode: 'serp-soft' })).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/needs result URLs/),
    })
  })
})
