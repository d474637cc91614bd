// A small pool of worker threads for pure CPU work (clustering, import parsing), so the HTTP
// API's event loop keeps answering while a run drafts. The database stays on the main thread:
// embedded PGlite is one serialized connection owned by this thread.
//
// Threads start on first use and stay warm; an idle thread is unref'd, so it never keeps the
// process alive. A thread that crashes or outlives the task's timeout is terminated (the only way
// to stop synchronous work) and its task rejected with ComputeError; the next task starts a new one.
import os from 'node:os'
import { Worker, type Transferable } from 'node:worker_threads'
import { ComputeError, reviveError } from './errors'
import type { TaskInput, TaskName, TaskOutput } from '../pool-tasks'
import type { Reply } from './thread'

export type PoolOptions = {
  /** Threads at most; default min(2, cpus - 1), at least 1. */
  size?: number
  /** A task still running after this long loses its thread. */
  timeoutMs?: number
  /** The module of tasks the threads load (a file URL); default server/pool-tasks.ts. */
  registry?: string
  /** Hears of every task that ended: its thread time window (epoch ms, comparable across threads) and outcome. */
  onSettled?: (e: { task: string; start: number; end: number; ok: boolean }) => void
}
export type RunOptions = {
  timeoutMs?: number
  transfer?: Transferable[]
  /** Hears what the task says of its progress (registry.ts TaskProgress). */
  onProgress?: (p: { stage: string; done: number; total: number }) => void
}

type Job = { task: string; input: unknown; opts: RunOptions; start?: number; resolve: (v: unknown) => void; reject: (e: Error) => void }
type Slot = { worker: Worker; ready: boolean; job: Job | null; timer?: NodeJS.Timeout }

const now = () => performance.timeOrigin + performance.now()
const BOOTSTRAP = new URL('./thread.mjs', import.meta.url)
let nextId = 1

export class Pool {
  private readonly slots = new Set<Slot>()
  private readonly queue: Job[] = []
  private readonly size: number
  private readonly timeoutMs: number
  private readonly registry: string
  private readonly onSettled: PoolOptions['onSettled']
  private closed = false

  constructor(opts: PoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? Math.min(2, os.availableParallelism() - 1))
    this.timeoutMs = opts.timeoutMs ?? 10 * 60_000
    this.registry = opts.registry ?? new URL('../pool-tasks.ts', import.meta.url).href
    this.onSettled = opts.onSettled
  }

  run<T>(task: string, input: unknown, opts: RunOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(new ComputeError('the compute pool is closed'))
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, input, opts, resolve: resolve as (v: unknown) => void, reject })
      this.dispatch()
    })
  }

  /** Stops every thread; queued and running tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) job.reject(new ComputeError('the compute pool closed before the task ran'))
    await Promise.all([...this.slots].map((s) => this.drop(s, new ComputeError(`the compute pool closed while "${s.job?.task}" ran`))))
  }

  private dispatch() {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return
      if (slot.ready && !slot.job) this.start(slot, this.queue.shift()!)
    }
    const starting = [...this.slots].filter((s) => !s.ready).length
    if (this.queue.length > starting && this.slots.size < this.size) this.spawn()
  }

  private start(slot: Slot, job: Job) {
    slot.job = job
    job.start = now()
    slot.worker.ref() // a task in flight keeps the process alive, as an in-thread call would
    const ms = job.opts.timeoutMs ?? this.timeoutMs
    slot.timer = setTimeout(
      () => void this.drop(slot, new ComputeError(`compute task "${job.task}" took longer than ${ms} ms and was stopped`)),
      ms,
    )
    slot.worker.postMessage({ id: nextId++, task: job.task, input: job.input }, job.opts.transfer ?? [])
  }

  private spawn() {
    // execArgv: [] so the parent's loader flags (tsx's CLI, vitest's) are not applied twice; thread.mjs registers tsx.
    const worker = new Worker(BOOTSTRAP, { workerData: { registry: this.registry }, execArgv: [] })
    const slot: Slot = { worker, ready: false, job: null }
    this.slots.add(slot)
    worker.unref()
    worker.on('message', (m: 'ready' | Reply) => {
      if (m === 'ready') {
        slot.ready = true
        return this.dispatch()
      }
      if ('progress' in m) {
        slot.job?.opts.onProgress?.(m.progress)
        return
      }
      const job = slot.job
      clearTimeout(slot.timer)
      slot.job = null
      worker.unref()
      if (job) {
        this.onSettled?.({ task: job.task, start: job.start!, end: now(), ok: m.ok })
        if (m.ok) job.resolve(m.output)
        else job.reject(reviveError(m.error, job.task))
      }
      this.dispatch()
    })
    worker.on(
      'error',
      (err) =>
        void this.drop(
          slot,
          new ComputeError(`compute thread failed${slot.job ? ` running "${slot.job.task}"` : ' to start'}: ${err.message}`),
        ),
    )
    worker.on(
      'exit',
      (code) =>
        void this.drop(slot, new ComputeError(`compute thread exited (code ${code})${slot.job ? ` running "${slot.job.task}"` : ''}`)),
    )
  }

  /** Removes a thread for good: its task (or, if it never started, the next queued one) fails with `why`. */
  private async drop(slot: Slot, why: Error) {
    if (!this.slots.delete(slot)) return
    clearTimeout(slot.timer)
    // A thread that cannot even start would fail every task: fail one per attempt, never loop.
    const job = slot.job ?? (slot.ready ? null : this.queue.shift())
    job?.reject(why)
    await slot.worker.terminate()
    if (!this.closed) this.dispatch()
  }
}

let shared: Pool | null = null
let sharedOptions: PoolOptions = {}

/** Runs `task` of server/pool-tasks.ts in a compute thread; resolves with its output or rejects with its error (same class). */
export function runInPool<K extends TaskName>(task: K, input: TaskInput<K>, opts?: RunOptions): Promise<TaskOutput<K>> {
  return (shared ??= new Pool(sharedOptions)).run<TaskOutput<K>>(task, input, opts)
}

/** Sizes the shared pool (before first use, or after closePool). */
export function configurePool(opts: PoolOptions) {
  sharedOptions = opts
}

/** Stops the shared pool's threads (server close, end of a CLI command); the next runInPool starts a new pool. */
export async function closePool(): Promise<void> {
  const pool = shared
  shared = null
  await pool?.close()
}
