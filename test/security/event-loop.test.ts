// Issue 14: heavy drafting work never runs on the API's event loop. An 8,000-keyword lexical
// plan (a second or two of CPU in the compute pool here) drafts on the real server while another
// thread polls /api/health and /api/reviews every 20 ms: some 50-100 answers each while the pool
// works, where the test asks for more than 20. The plan is built in the compute pool, the API answers
// all the while, and the plan is the one the in-thread functions compute. (bench/event-loop.ts
// holds the latency target, 100 ms p99 at 100,000 keywords.)
import { afterAll, describe, expect, it } from 'vitest'
import { SeoDraft } from '../../contracts/drafts'
import { keywordCsv, measureEventLoop } from '../../bench/event-loop'
import { closePool } from '../../server/compute/pool'
import { clusterKeywords } from '../../server/seo/cluster'
import { importText } from '../../server/seo/import'

const KEYWORDS = 8_000

describe('the API while a large SEO plan drafts', () => {
  afterAll(() => closePool())

  it('answers health and the review queue while the pool clusters, and drafts the in-thread plan', { timeout: 600_000 }, async () => {
    const r = await measureEventLoop(KEYWORDS)
    console.log(`event loop, ${KEYWORDS} keywords: plan ${r.planSec.toFixed(1)} s; ${JSON.stringify(r.latency)}`)
    expect(r.status).toBe('awaiting_review')
    // Structural, not timed (a loaded CI box starves any thread; latency targets are the bench's):
    // the plan was built by a compute thread, and the API kept answering while it ran.
    expect(r.poolTasks).toContainEqual({ task: 'seo.plan', ok: true })
    for (const k of ['health (pool)', 'reviews (pool)']) expect(r.latency[k]!.n, k).toBeGreaterThan(20)
    const d = SeoDraft.parse(r.content)
    const direct = clusterKeywords(importText(keywordCsv(KEYWORDS)).rows, { mode: 'lexical' })
    expect(d.clusters.map((c) => c.keywords)).toEqual(direct.clusters.map((c) => c.keywords))
    expect(d.unclustered).toEqual(direct.unclustered)
  })
})
