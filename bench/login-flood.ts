// A wrong-password flood against the real server (embedded PGlite, throttling on): how many
// attempts it answers, how fast, how much of the flood reached scrypt, and what a legitimate
// login from another address and /api/health cost meanwhile.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../server/config'
import { startServer } from '../server/main'
import { fmt, summarize } from './stats'
import { silentLog } from '../server/log'

const SECONDS = Number(process.env.BENCH_FLOOD_SECONDS ?? 20)
const CONCURRENCY = 8

type Attempt = { ms: number; status: number; at: number }

export async function printLoginFlood() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-flood-'))
  // Behind a (pretend) proxy, so the attacker and the colleague are different addresses.
  const server = await startServer(
    loadConfig({ COPYDESK_DATA_DIR: dataDir, PORT: '0', COPYDESK_TRUST_PROXY: 'true', COPYDESK_WORKERS: '0' }),
    { log: silentLog },
  )
  const login = async (email: string, password: string, ip: string): Promise<Attempt> => {
    const t0 = performance.now()
    const r = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    })
    await r.arrayBuffer()
    return { ms: performance.now() - t0, status: r.status, at: performance.now() }
  }
  try {
    const flood: Attempt[] = []
    const colleague: Attempt[] = []
    const health: number[] = []
    const until = Date.now() + SECONDS * 1000
    const attacker = async (k: number) => {
      // one address, several accounts: the per-account and the per-address limits both bite
      for (let i = 0; Date.now() < until; i++)
        flood.push(await login(`${['admin', 'cmo', 'legal'][i % 3]}@copydesk.local`, `guess-${k}-${i}`, '203.0.113.7'))
    }
    const others = async () => {
      for (let i = 0; Date.now() < until; i++) {
        colleague.push(await login('editor@copydesk.local', 'demo', `198.51.100.${1 + (i % 200)}`))
        const t0 = performance.now()
        await (await fetch(`${server.url}/api/health`)).arrayBuffer()
        health.push(performance.now() - t0)
      }
    }
    await Promise.all([...Array.from({ length: CONCURRENCY }, (_, k) => attacker(k)), others()])
    const refused = flood.filter((a) => a.status === 429)
    const checked = flood.filter((a) => a.status === 401)
    const fl = summarize(refused.map((a) => a.ms))
    const firstRefusal = Math.min(...refused.map((a) => a.at - a.ms))
    const refusedPerSec = refused.length / ((Math.max(...refused.map((a) => a.at)) - firstRefusal) / 1000)
    const col = summarize(colleague.map((a) => a.ms))
    const hp = summarize(health)
    console.log(`\n## wrong-password flood, ${SECONDS} s, ${CONCURRENCY} connections from one address (embedded PGlite, throttling on)`)
    console.log('| what | n | p50 ms | p95 ms | result |')
    console.log('|---|---:|---:|---:|---|')
    console.log(
      `| flood attempts refused (429, no password check) | ${fl.n} | ${fmt(fl.p50)} | ${fmt(fl.p95)} | ${refusedPerSec.toFixed(0)}/s once the locks hold; before them ${checked.length} × 401 checked with scrypt (5 per account) |`,
    )
    console.log(
      `| a colleague's login from another address meanwhile | ${col.n} | ${fmt(col.p50)} | ${fmt(col.p95)} | ${colleague.filter((a) => a.status === 200).length} × 200 |`,
    )
    console.log(`| GET /api/health meanwhile | ${hp.n} | ${fmt(hp.p50)} | ${fmt(hp.p95)} | max ${fmt(hp.max)} ms |`)
  } finally {
    await server.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
