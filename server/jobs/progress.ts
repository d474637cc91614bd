// How far long work is. The code doing it (the SEO clustering in a compute thread, the model calls
// of a batch of transcripts) calls reportProgress() without knowing who listens; the worker that
// holds the run's job listens for the duration of the step (withProgress: an AsyncLocalStorage, so
// no signature between the graph and the drafting code carries it) and writes the latest report to
// the job at most twice a second. The CLI listens the same way and prints to stderr.
import { AsyncLocalStorage } from 'node:async_hooks'
import { ProgressStage } from '../../contracts/runs'
import type { Queryable } from '../db/connect'
import type { Log } from '../log'
import { setJobProgress } from './queries'

export type Progress = { stage: ProgressStage; done: number; total: number }
export type ProgressSink = (p: Progress) => void

const listening = new AsyncLocalStorage<ProgressSink>()

/** Runs `fn` with `sink` hearing every report made inside it (awaited calls included). */
export const withProgress = <T>(sink: ProgressSink, fn: () => Promise<T>): Promise<T> => listening.run(sink, fn)

/** Says how far the current work is; nothing when nobody listens. */
export function reportProgress(stage: ProgressStage, done = 0, total = 0): void {
  listening.getStore()?.({ stage, done, total })
}

/**
 * For work that reports from elsewhere (a compute thread's messages arrive outside this context):
 * a callback that hands them to whoever listens here, keeping only the stages a run knows.
 */
export function forwardProgress(): ((p: { stage: string; done: number; total: number }) => void) | undefined {
  const sink = listening.getStore()
  if (!sink) return undefined
  return (p) => {
    const stage = ProgressStage.safeParse(p.stage)
    if (stage.success) sink({ stage: stage.data, done: p.done, total: p.total })
  }
}

/**
 * A sink that keeps the latest report and writes it to job `jobId` (while `workerId` holds it) at
 * most every `everyMs`: a new stage is written at once, a flood of counts costs two writes a
 * second. Writes go one after another (a later report never lands before an earlier one);
 * `flush` waits for them. A failed write is logged and forgotten: progress is a courtesy, never
 * the run's failure.
 */
export function jobProgressWriter(
  db: Queryable,
  job: { id: number; workerId: string },
  log: Log,
  everyMs = 500,
): { report: ProgressSink; flush: () => Promise<void> } {
  let latest: Progress | null = null
  let timer: NodeJS.Timeout | null = null
  let lastStage: string | null = null
  let writing: Promise<void> = Promise.resolve()
  const write = () => {
    if (timer) clearTimeout(timer)
    timer = null
    const p = latest
    if (!p) return
    latest = null
    writing = writing.then(() =>
      setJobProgress(db, job.id, job.workerId, p).catch((err) =>
        log.warn({ jobId: job.id, err: (err as Error).message }, 'progress not saved'),
      ),
    )
  }
  const report: ProgressSink = (p) => {
    latest = p
    if (p.stage !== lastStage) {
      lastStage = p.stage
      write()
      return
    }
    timer ??= setTimeout(write, everyMs)
    timer.unref()
  }
  return {
    report,
    flush: () => {
      write()
      return writing
    },
  }
}
