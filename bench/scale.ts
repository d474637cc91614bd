// The CMO's views at the size of a year of a 50-person team: 1,000,000 audit rows (about
// 100,000 runs and 130,000 drafts) in the real PostgreSQL, generated once by
// bench/scale-data.sql and kept in a database of its own for the next run. Measures the
// dashboard endpoints and the results search through the real app, and `audit verify`.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import postgres from 'postgres'
import { createApp } from '../server/app'
import { seedDemoUsers } from '../server/auth/seed-demo'
import { verifyAudit } from '../server/audit/verify'
import { openDatabase, type Database } from '../server/db/connect'
import { migrate, readMigrations } from '../server/db/migrate'
import { OfflineProvider } from '../server/llm/offline-provider'
import { PROMPTS_DIR, ROOT } from '../server/paths'
import { POLICIES_DIR } from '../server/policy/cli'
import { loadPolicy } from '../server/policy/load'
import { syncPolicy } from '../server/policy/store'
import { loadPrompts, syncPrompts } from '../server/prompts/load'
import { findPostgres } from '../test/helpers/env'
import { Client } from '../test/helpers/client'
import { loadSeoFixture } from '../test/helpers/seo-fixtures'
import { fmt, summarize, timeEach } from './stats'
import { silentLog } from '../server/log'

const TOTAL = Number(process.env.BENCH_SCALE_ROWS ?? 1_000_000)
const REPEAT = Number(process.env.BENCH_SCALE_REPEAT ?? 40)
/** Bump when bench/scale-data.sql changes, so an old generated database is not reused. */
const GENERATOR = 'scale-2'
/** A database generated under other migrations is generated again too. */
const SCHEMA = createHash('sha256')
  .update(
    readMigrations()
      .map((m) => m.checksum)
      .join(),
  )
  .digest('hex')
  .slice(0, 12)

export type ScaleRow = { what: string; n: number; p50?: number; p95?: number; value?: string }

export async function benchScale(): Promise<ScaleRow[]> {
  const admin = await findPostgres()
  if (!admin) return [{ what: 'scale bench', n: 0, value: 'skipped: no real PostgreSQL (set TEST_DATABASE_URL)' }]
  const name = `copydesk_bench_${GENERATOR.replace('-', '_')}_${TOTAL}`
  const url = new URL(admin)
  url.pathname = `/${name}`
  const rows: ScaleRow[] = []
  const generated = await ensureData(admin, name, url.toString())
  if (generated !== null)
    rows.push({
      what: `generate ${TOTAL.toLocaleString('en')} audit rows (with runs, drafts, gates)`,
      n: TOTAL,
      value: `${fmt(generated)} s`,
    })

  const db = await openDatabase({ kind: 'postgres', url: url.toString(), max: 4 })
  try {
    const [size] = await db.sql`select (select count(*) from audit_log)::int as audit, (select count(*) from runs)::int as runs,
      (select count(*) from drafts)::int as drafts, (select count(*) from ai_usage_daily)::int as rollup`
    rows.push({ what: 'data', n: size!.audit, value: `${size!.runs} runs, ${size!.drafts} drafts, ${size!.rollup} rollup rows` })
    const policy = loadPolicy(POLICIES_DIR)
    const app = createApp({ db, provider: new OfflineProvider(), policy, log: silentLog })
    const client = () => new Client((p, init) => Promise.resolve(app.request(p, init)))
    const cmo = await client().login('cmo@copydesk.local')
    const writer = await client().login('writer@copydesk.local')
    const year = `from=${day(-364)}&to=${day(0)}`
    const views: [string, string][] = [
      ['summary, this month', '/api/usage/summary'],
      ['summary, 12 months (by month)', `/api/usage/summary?${year}`],
      ['summary, 12 months, one team', `/api/usage/summary?${year}&team=team-3`],
      ['summary, 12 months, one user', `/api/usage/summary?${year}&user=user7@bench.copydesk`],
      ['approvals, this month', '/api/usage/approvals'],
      ['approvals, 12 months', `/api/usage/approvals?${year}`],
      ['approvals, 12 months, one kind', `/api/usage/approvals?${year}&kind=headlines`],
      ['gates, 12 months', `/api/usage/gates?${year}`],
      ['blocked, 12 months', `/api/usage/blocked?${year}`],
      ['budgets', '/api/usage/budgets'],
    ]
    for (const [what, p] of views) {
      const first = await cmo.get(p)
      if (first.status !== 200) throw new Error(`${p}: ${first.status} ${JSON.stringify(first.body)}`)
      rows.push({ what: `GET ${what}`, ...summarize(await timeEach(REPEAT, () => cmo.get(p))) })
    }
    const t0 = performance.now()
    const csv = await cmo.bytes('GET', `/api/usage/log.csv?from=${day(-30)}&to=${day(0)}`)
    rows.push({
      what: 'GET /api/usage/log.csv, last 31 days (streamed)',
      n: new TextDecoder().decode(csv.bytes).split('\n').length - 2,
      value: `${fmt((performance.now() - t0) / 1000)} s, ${fmt(csv.bytes.byteLength / 1048576)} MiB`,
    })

    const queries = [
      'окна',
      'пластиковые окна монтаж',
      'кредит бизнес',
      'доставка цветов',
      'yoga class',
      'running shoes',
      'dental clinic reminder',
      'free trial',
      'скидка',
      'guarantee',
    ]
    const search = await timeEach(REPEAT, (i) => writer.get(`/api/kb/results?q=${encodeURIComponent(queries[i % queries.length]!)}`))
    rows.push({ what: `GET /api/kb/results?q= (${size!.runs} results, ${queries.length} RU/EN queries)`, ...summarize(search) })
    rows.push({
      what: 'GET /api/kb/results?q=&kind=&channel= (filtered)',
      ...summarize(
        await timeEach(REPEAT, (i) =>
          writer.get(`/api/kb/results?q=${encodeURIComponent(queries[i % queries.length]!)}&kind=offer&channel=landing`),
        ),
      ),
    })

    const v0 = performance.now()
    const v = await verifyAudit(db.sql)
    const sec = (performance.now() - v0) / 1000
    rows.push({
      what: 'copydesk audit verify',
      n: v.rows,
      value: `${fmt(sec)} s, ${fmt(v.rows / sec)} rows/s (${v.ok ? 'intact' : 'BROKEN'})`,
    })
  } finally {
    await db.close()
  }
  return rows
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/** The generated database, made when missing or from another generator; seconds it took, or null when reused. */
async function ensureData(adminUrl: string, name: string, url: string): Promise<number | null> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`
    if (exists && (await ready(url))) return null
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.unsafe(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const t0 = performance.now()
  const db: Database = await openDatabase({ kind: 'postgres', url, max: 1 })
  try {
    await migrate(db.sql)
    await seedDemoUsers(db.sql, 'demo')
    await syncPrompts(db.sql, loadPrompts(PROMPTS_DIR))
    await syncPolicy(db.sql, loadPolicy(POLICIES_DIR))
    const runs = Math.round(TOTAL / 10)
    await db.sql`create table bench_words (lang text primary key, words text[] not null)`
    for (const lang of ['ru', 'en'] as const) await db.sql`insert into bench_words values (${lang}, ${vocabulary(lang)})`
    const script = fs
      .readFileSync(path.join(ROOT, 'bench', 'scale-data.sql'), 'utf8')
      .replaceAll(':runs', String(runs))
      .replaceAll(':total', String(TOTAL))
    console.error(`scale bench: generating ${TOTAL.toLocaleString('en')} audit rows in ${name} (once; minutes)…`)
    // Dated history goes in as the owner with the issue-14 guards lifted (they stamp now() and
    // refuse rows born decided); the rollup and audit-chain triggers still run.
    const guards = [
      ['gates', 'gates_guard'],
      ['gates', 'gates_need_decision'],
      ['gate_decisions', 'gate_decisions_guard'],
      ['gate_decisions', 'gate_decisions_need_gate'],
      ['runs', 'runs_guard'],
      ['drafts', 'drafts_guard'],
      ['claims', 'claims_guard'],
    ]
    for (const [table, trigger] of guards) await db.sql.unsafe(`alter table ${table} disable trigger ${trigger}`)
    await db.sql.unsafe(script)
    for (const [table, trigger] of guards) await db.sql.unsafe(`alter table ${table} enable always trigger ${trigger}`)
    await db.sql`drop table bench_words`
    await db.sql`analyze`
    await db.sql`create table bench_marker (generator text, total int)`
    await db.sql`insert into bench_marker values (${`${GENERATOR}/${SCHEMA}`}, ${TOTAL})`
  } finally {
    await db.close()
  }
  return (performance.now() - t0) / 1000
}

/** The words of the labelled SEO keyword sets, most frequent first: a real marketing vocabulary. */
function vocabulary(lang: 'ru' | 'en'): string[] {
  const count = new Map<string, number>()
  for (const k of loadSeoFixture(lang))
    for (const w of k.keyword.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length > 1) count.set(w, (count.get(w) ?? 0) + 1)
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w)
}

async function ready(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    const [m] = await sql`select generator, total from bench_marker`
    return m?.generator === `${GENERATOR}/${SCHEMA}` && Number(m.total) === TOTAL
  } catch {
    return false
  } finally {
    await sql.end()
  }
}
