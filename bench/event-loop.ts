// Does the API stay responsive while a run drafts a huge SEO plan? Starts the real server
// (startServer, fresh embedded PGlite), submits an seo_clusters brief of N generated keywords in
// lexical mode, and polls GET /api/health and GET /api/reviews every 20 ms from a separate thread
// (its own event loop, so a blocked server thread cannot delay the poller's clock) until the run
// reaches review. `tsx bench/event-loop.ts [N]` runs it alone; npm run bench calls printEventLoop().
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { seedDemoUsers } from '../server/auth/seed-demo'
import { closePool, configurePool } from '../server/compute/pool'
import { loadConfig } from '../server/config'
import { openAppDatabase } from '../server/db/open'
import { startServer } from '../server/main'
import { testTargets, type TestTarget } from '../test/helpers/databases'
import { seoBrief } from '../test/helpers/fixtures'
import { fmt } from './stats'
import { silentLog, type Log } from '../server/log'

const HEADS = [
  'crm',
  'project management software',
  'time tracking app',
  'invoice template',
  'email marketing',
  'landing page builder',
  'help desk',
  'password manager',
  'vpn',
  'cloud storage',
  'video conferencing',
  'accounting software',
  'payroll service',
  'website hosting',
  'seo audit',
  'keyword research tool',
  'social media scheduler',
  'note taking app',
  'kanban board',
  'team chat',
  'натяжные потолки',
  'пластиковые окна',
  'кухня на заказ',
  'ремонт квартиры',
  'шкаф купе',
  'входная дверь',
  'теплый пол',
  'кондиционер',
  'стиральная машина',
  'ламинат',
]
const ADJECTIVES = [
  'free',
  'cheap',
  'best',
  'open source',
  'simple',
  'enterprise',
  'small business',
  'self hosted',
  'mobile',
  'online',
  'недорого',
  'под ключ',
  'глянцевые',
  'матовые',
  'двухуровневые',
]
const INTENTS = [
  '',
  '',
  '',
  'how to choose',
  'vs',
  'price',
  'reviews',
  'alternatives',
  'what is',
  'setup',
  'как выбрать',
  'цена',
  'отзывы',
  'своими руками',
  'ошибки',
]
const PLACES = [
  '',
  '',
  'nyc',
  'london',
  'texas',
  'uk',
  'for startups',
  'for agencies',
  'for teams',
  'москва',
  'спб',
  'казань',
  'для дома',
  'для офиса',
  '2026',
]

/** A deterministic uniform stream (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * n distinct keyword rows as an SEO export CSV (keyword,frequency): head term, an adjective, an
 * intent cue, a place and, past the vocabulary's combinations, a numbered variant; Zipf-like volumes.
 */
export function keywordCsv(n: number, seed = 14): string {
  const next = random(seed)
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!
  const seen = new Set<string>()
  const lines = ['keyword,frequency']
  while (seen.size < n) {
    const parts = [pick(INTENTS), pick(ADJECTIVES), pick(HEADS), pick(PLACES)]
    if (next() < 0.6) parts.push(`model ${Math.floor(next() * 400)}`)
    const k = parts.filter(Boolean).join(' ')
    if (seen.has(k)) continue
    seen.add(k)
    lines.push(`${k},${Math.max(10, Math.round(50_000 / (1 + next() * 2_000)))}`)
  }
  return lines.join('\n')
}

// The poller: plain JavaScript in its own thread, so a stalled server thread cannot slow its
// clock. Each endpoint is asked every 20 ms, one request at a time (open-loop firing at 100
// requests/s saturates the single embedded-database connection even when idle, and measures
// capacity instead of stalls); a request that outlasts the interval stands for the ticks it
// swallowed too (HdrHistogram's coordinated-omission correction: L - 20, L - 40, ... are added).
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads')
const { url, cookie, every } = workerData
const samples = { health: [], reviews: [] }
const errors = []
const busy = {}
const hit = async (name, path) => {
  if (busy[name]) return
  busy[name] = true
  const t0 = performance.now()
  try {
    const r = await fetch(url + path, { headers: { cookie } })
    await r.arrayBuffer()
    const ms = performance.now() - t0
    if (!r.ok) errors.push(name + ' ' + r.status)
    else for (let l = ms, at = performance.timeOrigin + t0; l > 0; l -= every, at += every) samples[name].push([at, l])
  } catch (e) {
    errors.push(name + ' ' + (e.cause?.code ?? e.message))
  } finally {
    busy[name] = false
  }
}
const timer = setInterval(() => { hit('health', '/api/health'); hit('reviews', '/api/reviews') }, every)
parentPort.on('message', () => { clearInterval(timer); setTimeout(() => parentPort.postMessage({ samples, errors }), 500) })
`

const IDLE_MS = 2000

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN
}

/** Epoch ms at sub-ms resolution, comparable between threads (each has its own performance.now() origin). */
const epochNow = () => performance.timeOrigin + performance.now()

async function login(url: string, email: string): Promise<string> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  })
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${await r.text()}`)
  return (r.headers.get('set-cookie') ?? '').split(';')[0]!
}

export type EventLoopResult = {
  keywords: number
  csv: string
  content: unknown
  planSec: number
  status: string
  poolTasks: { task: string; ok: boolean }[]
  errors: string[]
  stalls: [number, number][]
  latency: Record<string, { n: number; p50: number; p95: number; p99: number; max: number }>
  loopMaxMs: number
  loopP99Ms: number
  draftBytes: number
  insertMs: number
}

/** Starts a server, drafts one n-keyword lexical plan while polling, and returns the numbers. */
export async function measureEventLoop(n: number, opts: { every?: number; log?: Log; target?: TestTarget } = {}): Promise<EventLoopResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-event-loop-'))
  // the embedded default, or a fresh database on the real PostgreSQL (demo users seeded as `copydesk seed --demo` would)
  const fresh = opts.target?.name === 'postgres' ? await opts.target.fresh() : undefined
  if (fresh) {
    const db = await openAppDatabase(fresh.target)
    await seedDemoUsers(db.sql, 'demo')
    await db.close()
  }
  const config = loadConfig({ COPYDESK_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', OPENAI_API_KEY: '', ...fresh?.env })
  // when the compute pool ran tasks (epoch ms): the API's latency in those windows is the pool's doing
  const windows: [number, number][] = []
  const poolTasks: { task: string; ok: boolean }[] = []
  await closePool()
  configurePool({
    onSettled: (e) => {
      windows.push([e.start, e.end])
      poolTasks.push({ task: e.task, ok: e.ok })
    },
  })
  const server = await startServer(config, { log: opts.log ?? silentLog })
  try {
    const writer = await login(server.url, 'writer@copydesk.local')
    const editor = await login(server.url, 'editor@copydesk.local')
    const csv = keywordCsv(n)
    const post = async (p: string, body: unknown) => {
      const r = await fetch(`${server.url}${p}`, {
        method: 'POST',
        headers: { cookie: writer, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (r.status !== 201) throw new Error(`${p}: ${r.status} ${await r.text()}`)
      return (await r.json()) as { id: string }
    }
    const brief = await post('/api/briefs', seoBrief(csv, { inputs: { keywordsCsv: csv, mode: 'lexical' } }))
    const poller = new Worker(POLLER, { eval: true, workerData: { url: server.url, cookie: editor, every: opts.every ?? 20 } })
    const loop = monitorEventLoopDelay({ resolution: 10 })
    loop.enable()
    await new Promise((r) => setTimeout(r, IDLE_MS)) // the idle baseline
    const t0 = performance.now()
    const started = epochNow()
    // main-thread stalls over 100 ms, with when they began (s after the run started)
    const stalls: [number, number][] = []
    let last = performance.now()
    const tick = setInterval(() => {
      const now = performance.now()
      if (now - last > 110) stalls.push([(last - t0) / 1000, now - last - 10])
      last = now
    }, 10)
    const run = await post(`/api/briefs/${brief.id}/runs`, {})
    let status = 'queued'
    let body: { status: string; draft?: { content: unknown } } = { status }
    while (!['awaiting_review', 'failed', 'approved', 'rejected'].includes(status)) {
      // once drafted, a run's JSON holds the multi-MB plan: asking often would load the server we measure
      await new Promise((r) => setTimeout(r, 1000))
      // a keep-alive socket the server dropped during a stall resets: ask again next second
      // the brief lists its runs' statuses: light, unlike the run with its multi-MB plan
      const r = await fetch(`${server.url}/api/briefs/${brief.id}`, { headers: { cookie: writer } }).catch(() => null)
      if (!r?.ok) continue
      status = ((await r.json()) as { runs: { id: string; status: string }[] }).runs.find((x) => x.id === run.id)?.status ?? status
    }
    const planSec = (performance.now() - t0) / 1000
    clearInterval(tick)
    loop.disable()
    const { samples, errors } = await new Promise<{ samples: Record<string, [number, number][]>; errors: string[] }>((resolve) => {
      poller.once('message', resolve)
      poller.postMessage('stop')
    })
    await poller.terminate()
    // the plan itself, once the measurement is over
    body = (await (await fetch(`${server.url}/api/runs/${run.id}`, { headers: { cookie: writer } })).json()) as typeof body
    const stats = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), max: Math.max(...xs) })
    const latency: EventLoopResult['latency'] = {}
    for (const k of ['health', 'reviews']) {
      const xs = samples[k] ?? []
      latency[`${k} (idle)`] = stats(xs.filter(([at]) => at < started).map(([, ms]) => ms))
      latency[`${k} (pool)`] = stats(xs.filter(([at]) => windows.some(([a, b]) => at >= a && at < b)).map(([, ms]) => ms))
      latency[k] = stats(xs.filter(([at]) => at >= started).map(([, ms]) => ms))
    }
    const { draftBytes, insertMs } = await insertCost(body.draft?.content)
    return {
      keywords: n,
      csv,
      content: body.draft?.content,
      planSec,
      status,
      poolTasks,
      latency,
      errors,
      stalls,
      loopMaxMs: loop.max / 1e6,
      loopP99Ms: loop.percentile(99) / 1e6,
      draftBytes,
      insertMs,
    }
  } finally {
    await server.close()
    await closePool()
    configurePool({})
    await fresh?.dispose()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * What inserting the stored draft costs the main thread in embedded PGlite (WASM runs on the
 * calling thread): the same JSON into a jsonb column of a fresh in-memory instance.
 */
async function insertCost(content: unknown): Promise<{ draftBytes: number; insertMs: number }> {
  if (content === undefined) return { draftBytes: 0, insertMs: NaN }
  const json = JSON.stringify(content)
  const db = await PGlite.create()
  try {
    await db.exec('create table d (content jsonb, text text)')
    const t0 = performance.now()
    await db.query('insert into d values ($1, $2)', [json, json])
    return { draftBytes: json.length, insertMs: performance.now() - t0 }
  } finally {
    await db.close()
  }
}

export async function printEventLoop(n = Number(process.env.BENCH_EVENT_LOOP_KEYWORDS ?? 100_000)) {
  for (const target of await testTargets()) await printOne(n, target)
}

async function printOne(n: number, target: TestTarget) {
  const r = await measureEventLoop(n, { target })
  console.log(
    `\n## API latency while a ${n.toLocaleString('en')}-keyword lexical plan drafts on ${target.name} (poll every 20 ms from another thread)`,
  )
  console.log(
    `plan: ${r.status} after ${fmt(r.planSec)} s; main-thread event-loop delay p99 ${fmt(r.loopP99Ms)} ms, max ${fmt(r.loopMaxMs)} ms`,
  )
  console.log(
    `draft ${(r.draftBytes / 1048576).toFixed(1)} MB of JSON: one PGlite insert of it (content + text) takes ${fmt(r.insertMs)} ms of CPU (in the database thread, off the API loop)`,
  )
  const big = [...r.stalls]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .sort((a, b) => a[0] - b[0])
  console.log(
    `main-thread stalls > 100 ms: ${r.stalls.length}, ${fmt(r.stalls.reduce((t, [, ms]) => t + ms, 0) / 1000)} s in all; longest (at s: ms): ${big.map(([at, ms]) => `${fmt(at)}: ${Math.round(ms)}`).join(', ')}`,
  )
  if (r.errors.length) console.log(`failed requests: ${r.errors.length} (${[...new Set(r.errors)].join(', ')})`)
  console.log('| endpoint | n | p50 ms | p95 ms | p99 ms | max ms |')
  console.log('|---|---:|---:|---:|---:|---:|')
  for (const [k, v] of Object.entries(r.latency))
    console.log(
      `| GET /api/${k.replace(/ \(.*\)/, '')} ${k.endsWith('(idle)') ? 'idle, before the run' : k.endsWith('(pool)') ? 'while the pool computes' : 'whole run'} | ${v.n} | ${fmt(v.p50)} | ${fmt(v.p95)} | ${fmt(v.p99)} | ${fmt(v.max)} |`,
    )
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await printEventLoop(process.argv[2] ? Number(process.argv[2]) : undefined)
  process.exit(0)
}
