import { afterAll, describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { clusterKeywords, ClusterOptionError } from '../seo/cluster'
import { importText } from '../seo/import'
import { ComputeError } from './errors'
import { closePool, Pool, runInPool } from './pool'

const registry = new URL('../../test/helpers/pool-test-tasks.ts', import.meta.url).href

describe('compute pool', () => {
  const pool = new Pool({ size: 1, registry })
  afterAll(() => Promise.all([pool.close(), closePool()]))

  it('runs a task in a thread and returns its output (typed arrays included)', async () => {
    await expect(pool.run('double', Float32Array.of(1, 2.5))).resolves.toEqual(Float32Array.of(2, 5))
  })

  it('gives back the error classes callers test with instanceof', async () => {
    const app = (await pool.run('fail', { kind: 'app' }).catch((e: unknown) => e)) as AppError
    expect(app).toBeInstanceOf(AppError)
    expect(app).toMatchObject({ code: 'bad_request', message: 'no usable rows', issues: [{ path: 'x', message: 'y' }] })
    expect(app.stack).toContain('in compute task "fail"')
    await expect(pool.run('fail', { kind: 'cluster' })).rejects.toBeInstanceOf(ClusterOptionError)
    await expect(pool.run('fail', { kind: 'other' })).rejects.toMatchObject({ name: 'TypeError', message: 'plain' })
    await expect(pool.run('nope', {})).rejects.toThrow(/no compute task "nope"/)
  })

  it('a crashed thread fails its task clearly and is replaced', async () => {
    await expect(pool.run('crash', {})).rejects.toThrow(ComputeError)
    await expect(pool.run('crash', {})).rejects.toThrow(/exited \(code 3\) running "crash"/)
    await expect(pool.run('spin', { ms: 1 })).resolves.toBe(1)
  })

  it('stops a task at its timeout, and the next task gets a fresh thread', async () => {
    await expect(pool.run('spin', { ms: 5_000 }, { timeoutMs: 300 })).rejects.toThrow(/took longer than 300 ms/)
    await expect(pool.run('spin', { ms: 1 })).resolves.toBe(1)
  })

  it('queues tasks beyond its size and runs them in order', async () => {
    const out = await Promise.all([1, 2, 3].map((ms) => pool.run('spin', { ms })))
    expect(out).toEqual([1, 2, 3])
  })

  it('closing rejects what is still queued', async () => {
    const p = new Pool({ size: 1, registry })
    const both = Promise.allSettled([p.run('spin', { ms: 2_000 }), p.run('spin', { ms: 1 })])
    await p.close()
    const [running, queued] = await both
    expect(running).toMatchObject({ status: 'rejected', reason: expect.any(ComputeError) })
    expect(queued).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/closed before the task ran/) } })
    await expect(p.run('spin', { ms: 1 })).rejects.toThrow(/closed/)
  })

  it('the SEO plan task clusters exactly as the in-thread function does', async () => {
    const csv = [
      'keyword,frequency',
      'crm for small business,900',
      'best crm for small business,300',
      'crm small business price,120',
      'vpn for mac,800',
      'free vpn for mac,400',
      'banana bread,5',
    ].join('\n')
    const plan = await runInPool('seo.plan', { csv, mode: 'lexical' })
    const direct = clusterKeywords(importText(csv).rows, { mode: 'lexical' })
    expect(plan.clusters.map((c) => c.keywords)).toEqual(direct.clusters.map((c) => c.keywords))
    expect(plan.unclustered).toEqual(direct.unclustered)
    await expect(runInPool('seo.plan', { csv: 'keyword,frequency\n,1\n' })).rejects.toThrow(AppError)
    await expect(runInPool('seo.plan', { csv, mode: 'lexical', threshold: 2 })).rejects.toBeInstanceOf(ClusterOptionError)
  })
})

describe('policy classification in the pool', () => {
  afterAll(() => closePool())

  it('finds what the in-thread classify finds, also errors (unknown channel) as AppError', async () => {
    const { classify } = await import('../policy/classify')
    const { loadPolicy } = await import('../policy/load')
    const { POLICIES_DIR } = await import('../policy/cli')
    const { classifyOffThread, POOL_FROM_CHARS } = await import('./classify')
    const policy = loadPolicy(POLICIES_DIR)
    const line = 'Гарантируем результат за 3 дня, лучший сервис в Москве! Call +7 916 123-45-67. 100% safe, doctors recommend it.\n'
    const text = line.repeat(Math.ceil(POOL_FROM_CHARS / line.length) + 1)
    expect(await classifyOffThread(policy, text, { channel: 'blog' })).toEqual(classify(policy, text, { channel: 'blog' }))
    await expect(classifyOffThread(policy, text, { channel: 'no-such-channel' })).rejects.toBeInstanceOf(AppError)
  })
})
