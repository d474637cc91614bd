// npm run bench: the spine's hot paths on embedded PGlite and (when reachable) the real PostgreSQL.
// Numbers, not pass/fail: targets live here, not in timed unit tests.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { appendAudit } from '../server/audit/append'
import { HANDOFF_DEFAULTS } from '../server/handoff/deliver'
import { verifyAudit } from '../server/audit/verify'
import { testTargets, type TestTarget } from '../test/helpers/databases'
import { offerBrief } from '../test/helpers/fixtures'
import { makeHarness } from '../test/helpers/harness'
import { benchClassify } from './classify'
import { printDrafting } from './drafting'
import { benchNotify } from './notify'
import { benchScale } from './scale'
import { benchSeo } from './seo'
import { benchSeoEvalDev } from './seo-eval-dev'
import { printPiiNegatives } from './pii-negatives'
import { printPresidioQuality } from './pii-presidio'
import { printPiiEvalDev } from './pii-eval-dev'
import { printPiiQuality } from './pii-quality'
import { benchPii } from './pii-speed'
import { printEvalDev } from './policy-eval-dev'
import { printPolicyQuality } from './policy-quality'
import { fmt, summarize, timeEach } from './stats'

const RUNS = Number(process.env.BENCH_RUNS ?? 100)
const READS = Number(process.env.BENCH_READS ?? 300)
const AUDIT_ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 20_000)

type Row = { what: string; n: number; p50?: number; p95?: number; value?: string }

/** A CMS stand-in for the hand-off: answers 200 and notes when each delivery arrived. */
async function receiver() {
  const at: number[] = []
  const server = http.createServer((req, res) => {
    req.resume().on('end', () => {
      at.push(performance.now())
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  return { at, url, close: () => new Promise<void>((r) => server.close(() => r())) }
}

async function benchTarget(target: TestTarget): Promise<Row[]> {
  const rows: Row[] = []
  const cms = await receiver()
  // every approval is handed off (signed, through the outbox) to the stand-in
  const h = await makeHarness(target, {
    handoff: { destinations: [{ name: 'default', url: cms.url, secrets: ['bench'] }], ...HANDOFF_DEFAULTS },
  })
  try {
    const writer = await h.as('writer')
    const editor = await h.as('editor')

    const briefIds: string[] = []
    const create = summarize(
      await timeEach(RUNS, async (i) => briefIds.push((await writer.post('/api/briefs', offerBrief({ title: `Bench ${i}` }))).body.id)),
    )
    rows.push({ what: 'POST /api/briefs', ...create })

    const runIds: string[] = []
    const start = summarize(await timeEach(RUNS, async (i) => runIds.push((await writer.post(`/api/briefs/${briefIds[i]}/runs`)).body.id)))
    rows.push({ what: 'POST /api/briefs/:id/runs', ...start })

    let t0 = performance.now()
    await h.worker.drain()
    const draftSec = (performance.now() - t0) / 1000
    rows.push({
      what: 'worker: queued -> draft -> gate (offline engine)',
      n: RUNS,
      value: `${fmt(RUNS / draftSec)} runs/s (${fmt((draftSec * 1000) / RUNS)} ms/run)`,
    })

    const read = summarize(await timeEach(READS, (i) => writer.get(`/api/runs/${runIds[i % runIds.length]}`)))
    rows.push({ what: 'GET /api/runs/:id', ...read })
    const queue = summarize(await timeEach(50, () => editor.get('/api/reviews')))
    rows.push({ what: `GET /api/reviews (${RUNS} open gates)`, ...queue })

    const gates = (await editor.get('/api/reviews')).body as { gateId: string }[]
    const decide = summarize(
      await timeEach(gates.length, (i) => editor.post(`/api/gates/${gates[i]!.gateId}/decision`, { decision: 'pass', comment: 'ok' })),
    )
    rows.push({ what: 'POST /api/gates/:id/decision', ...decide })
    t0 = performance.now()
    await h.worker.drain()
    const resumeSec = (performance.now() - t0) / 1000
    rows.push({
      what: 'worker: resume -> release -> approved (with its hand-off event), then the signed deliveries',
      n: gates.length,
      value: `${fmt(gates.length / resumeSec)} runs/s`,
    })
    const delivered = cms.at.length
    const spanSec = delivered > 1 ? (cms.at.at(-1)! - cms.at[0]!) / 1000 : 0
    rows.push({
      what: 'hand-off: outbox deliveries received by a local CMS stand-in',
      n: delivered,
      value: spanSec > 0 ? `${fmt(delivered / spanSec)} deliveries/s` : `${delivered} delivered`,
    })

    t0 = performance.now()
    for (let i = 0; i < AUDIT_ROWS; i += 500) {
      await h.sql.begin(async (tx) => {
        for (let j = 0; j < 500; j++) await appendAudit(tx, { actorId: null, action: 'auth.login_failed', data: { i: i + j } })
      })
    }
    const appendSec = (performance.now() - t0) / 1000
    rows.push({ what: 'audit append (chained, 500 per tx)', n: AUDIT_ROWS, value: `${fmt(AUDIT_ROWS / appendSec)} rows/s` })
    t0 = performance.now()
    const v = await verifyAudit(h.sql)
    const verifySec = (performance.now() - t0) / 1000
    rows.push({ what: 'copydesk audit verify', n: v.rows, value: `${fmt(v.rows / verifySec)} rows/s (${v.ok ? 'intact' : 'BROKEN'})` })
  } finally {
    await h.close()
    await cms.close()
  }
  return rows
}

// policy routing: the outside set, then the blind sets (blind-4 held out: numbers only)
for (const set of ['eval-dev', 'blind', 'blind-2', 'blind-3', 'blind-4'] as const) {
  printEvalDev(false, set)
  console.log('')
}
printPolicyQuality()
console.log('')
printPiiEvalDev(false, 'eval-dev')
console.log('')
printPiiEvalDev(false, 'blind')
console.log('')
printPiiQuality()
console.log('')
printPresidioQuality()
console.log('')
printPiiNegatives()
console.log('')
printDrafting()

console.log('\n## policy classification and personal-data scan speed (no database)')
console.log('| what | n | p50 ms | p95 ms | throughput |')
console.log('|---|---:|---:|---:|---|')
for (const r of [...(await benchClassify()), ...(await benchPii())])
  console.log(
    `| ${r.what} | ${r.n} | ${r.p50 === undefined ? '' : fmt(r.p50)} | ${r.p95 === undefined ? '' : fmt(r.p95)} | ${r.value ?? ''} |`,
  )

console.log('\n## SEO clustering (synthetic lists grown from the labelled fixtures; one core)')
console.log('| what | n | result |')
console.log('|---|---:|---|')
for (const r of benchSeo()) console.log(`| ${r.what} | ${r.n} | ${r.value} |`)
console.log('')
benchSeoEvalDev()
if (process.env.BENCH_EVENT_LOOP !== '0') await (await import('./event-loop')).printEventLoop()
if (process.env.BENCH_FLOOD !== '0') await (await import('./login-flood')).printLoginFlood()

const targets = await testTargets()
if (targets.length < 2) console.warn('Real PostgreSQL not reachable: benchmarking PGlite only (set TEST_DATABASE_URL).')
for (const target of targets) {
  const rows = [...(await benchTarget(target)), ...(await benchNotify(target))]
  console.log(`\n## ${target.name}  (RSS ${Math.round(process.memoryUsage().rss / 1048576)} MiB)`)
  console.log('| what | n | p50 ms | p95 ms | throughput |')
  console.log('|---|---:|---:|---:|---|')
  for (const r of rows)
    console.log(
      `| ${r.what} | ${r.n} | ${r.p50 === undefined ? '' : fmt(r.p50)} | ${r.p95 === undefined ? '' : fmt(r.p95)} | ${r.value ?? ''} |`,
    )
}

// A year of a 50-person team in the real PostgreSQL: generated once (minutes), then reused.
if (process.env.BENCH_SCALE !== '0') {
  console.log(`\n## the CMO's views and search at scale (real PostgreSQL; BENCH_SCALE_ROWS audit rows, BENCH_SCALE=0 skips)`)
  console.log('| what | n | p50 ms | p95 ms | result |')
  console.log('|---|---:|---:|---:|---|')
  for (const r of await benchScale())
    console.log(
      `| ${r.what} | ${r.n} | ${r.p50 === undefined ? '' : fmt(r.p50)} | ${r.p95 === undefined ? '' : fmt(r.p95)} | ${r.value ?? ''} |`,
    )
}
