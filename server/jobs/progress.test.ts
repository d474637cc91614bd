import { afterAll, describe, expect, it } from 'vitest'
import { closePool, runInPool } from '../compute/pool'
import { type Progress, forwardProgress, reportProgress, withProgress } from './progress'
import { progressLines } from './progress-lines'

/** A CSV of n distinct keywords in a few families, so the lexical mode has clusters to find. */
const keywordsCsv = (n: number) =>
  [
    'keyword,frequency',
    ...Array.from(
      { length: n },
      (_, i) => `${['crm', 'vpn', 'bread', 'yoga', 'tires'][i % 5]} ${['price', 'review', 'best', 'buy'][i % 4]} ${i},${1000 - (i % 900)}`,
    ),
  ].join('\n')

describe('progress of long work', () => {
  afterAll(() => closePool())

  it('reaches the listener of the context it was reported in, through awaits, and nobody else', async () => {
    const heard: Progress[] = []
    const other: Progress[] = []
    reportProgress('drafting', 1, 2) // nobody listens: nothing happens
    await Promise.all([
      withProgress(
        (p) => heard.push(p),
        async () => {
          reportProgress('redacting')
          await new Promise((r) => setTimeout(r, 5))
          reportProgress('drafting', 1, 3)
        },
      ),
      withProgress(
        (p) => other.push(p),
        async () => reportProgress('checking'),
      ),
    ])
    expect(heard).toEqual([
      { stage: 'redacting', done: 0, total: 0 },
      { stage: 'drafting', done: 1, total: 3 },
    ])
    expect(other).toEqual([{ stage: 'checking', done: 0, total: 0 }])
  })

  it('a compute thread’s SEO plan reports reading, each thousand keywords clustered, grouping and planning', async () => {
    const heard: Progress[] = []
    await withProgress(
      (p) => heard.push(p),
      async () => runInPool('seo.plan', { csv: keywordsCsv(4500), mode: 'lexical' }, { onProgress: forwardProgress() }),
    )
    expect(heard[0]).toEqual({ stage: 'reading', done: 0, total: 0 })
    const clustering = heard.filter((p) => p.stage === 'clustering')
    expect(clustering.map((p) => p.done)).toEqual([0, 0, 1000, 2000, 3000, 4000])
    expect(clustering.every((p) => p.total === 4500)).toBe(true)
    const stages = heard.map((p) => p.stage).filter((s, i, all) => s !== all[i - 1])
    expect(stages).toEqual(['reading', 'clustering', 'grouping', 'planning'])
  })

  it('keeps only stages a run knows when forwarding what a thread said', async () => {
    const heard: Progress[] = []
    await withProgress(
      (p) => heard.push(p),
      async () => {
        const forward = forwardProgress()!
        forward({ stage: 'clustering', done: 5, total: 10 })
        forward({ stage: 'mining bitcoin', done: 1, total: 1 })
      },
    )
    expect(heard).toEqual([{ stage: 'clustering', done: 5, total: 10 }])
    expect(forwardProgress()).toBeUndefined()
  })

  it('the CLI’s lines: nothing for short work; for long work a line per stage and per tenth, each marked as progress', () => {
    const lines: string[] = []
    const say = progressLines((l) => lines.push(l), 5000)
    say({ stage: 'clustering', done: 0, total: 300 }) // short: silent
    expect(lines).toEqual([])
    const long = progressLines((l) => lines.push(l), 5000)
    for (let done = 0; done <= 100_000; done += 1000) long({ stage: 'clustering', done, total: 100_000 })
    long({ stage: 'grouping', done: 0, total: 0 })
    long({ stage: 'planning', done: 0, total: 800 })
    expect(lines).toHaveLength(11 + 2)
    expect(lines[0]).toBe('progress: clustering 0% (0 of 100,000)')
    expect(lines[4]).toBe('progress: clustering 40% (40,000 of 100,000)')
    expect(lines.slice(-2)).toEqual(['progress: grouping', 'progress: planning 0% (0 of 800)'])
    expect(lines.every((l) => l.startsWith('progress: '))).toBe(true)
  })
})
