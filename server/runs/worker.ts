import { randomUUID } from 'node:crypto'
import { appendAudit } from '../audit/append'
import { openGate } from '../gates/open-gate'
import { LlmError } from '../llm/provider'
import { PostgresJsSaver } from './checkpointer'
import type { RunDeps } from './deps'
import { Command, GateInterrupt, buildRunGraph, type RunGraph } from './graph'
import { claimJob, finishJob, renewLease, type JobRow } from './jobs'

export type WorkerOptions = {
  /** How long a claimed job stays ours without a heartbeat; a dead worker's jobs return after it. */
  leaseSeconds?: number
  pollMs?: number
  /** A job claimed this many times (its worker kept dying) fails its run. */
  maxAttempts?: number
  log?: (msg: string) => void
}

/**
 * Claims jobs from the database and drives each run's graph until it stops at a gate or ends.
 * Several workers, in this process or others, can run against one database.
 */
export class Worker {
  readonly id = `worker-${process.pid}-${randomUUID().slice(0, 8)}`
  private readonly graph: RunGraph
  private stopped = false
  private wakeUp: (() => void) | null = null
  private loop: Promise<void> | null = null
  private readonly opts: Required<WorkerOptions>

  constructor(
    private readonly deps: RunDeps,
    opts: WorkerOptions = {},
  ) {
    this.graph = buildRunGraph(deps, new PostgresJsSaver(deps.sql))
    this.opts = { leaseSeconds: 60, pollMs: 500, maxAttempts: 5, log: () => {}, ...opts }
  }

  start() {
    this.loop ??= this.run()
  }

  /** New work was queued in this process: look now instead of at the next poll. */
  wake() {
    this.wakeUp?.()
  }

  async stop() {
    this.stopped = true
    this.wake()
    await this.loop
  }

  /** Claims and finishes jobs until none is left; for tests and the CLI. */
  async drain(): Promise<number> {
    let n = 0
    for (;;) {
      const job = await claimJob(this.deps.sql, this.id, this.opts.leaseSeconds)
      if (!job) return n
      await this.process(job)
      n++
    }
  }

  private async run() {
    while (!this.stopped) {
      let job: JobRow | undefined
      try {
        job = await claimJob(this.deps.sql, this.id, this.opts.leaseSeconds)
      } catch (err) {
        this.opts.log(`worker: claiming failed: ${(err as Error).message}`)
      }
      if (job) {
        await this.process(job)
        continue
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.opts.pollMs)
        this.wakeUp = () => {
          clearTimeout(t)
          resolve()
        }
      })
      this.wakeUp = null
    }
  }

  async process(job: JobRow): Promise<void> {
    const heartbeat = setInterval(
      () => void renewLease(this.deps.sql, job.id, this.id, this.opts.leaseSeconds).catch(() => {}),
      (this.opts.leaseSeconds * 1000) / 3,
    )
    try {
      if (job.attempts > this.opts.maxAttempts) {
        throw new Error(`gave up after ${job.attempts - 1} attempts: the worker processing this run kept stopping`)
      }
      await this.advance(job)
    } catch (err) {
      // If even recording the failure fails (database gone), the lease runs out and the job is retried.
      await this.fail(job, err).catch((e) => this.opts.log(`worker: could not record the failure of job ${job.id}: ${(e as Error).message}`))
    } finally {
      clearInterval(heartbeat)
    }
  }

  /** Moves the run's graph forward from wherever its last checkpoint left it. */
  private async advance(job: JobRow) {
    const config = { configurable: { thread_id: job.run_id } }
    const before = await this.graph.getState(config)
    const waiting = before.tasks.flatMap((t) => t.interrupts)[0]
    let input: unknown
    if (!before.createdAt) input = { runId: job.run_id }
    else if (waiting) {
      // A resume job carries the decision; a run job here means we died before opening the gate.
      input = job.type === 'resume' ? new Command({ resume: job.payload }) : undefined
    } else if (before.next.length > 0) input = null // a crash interrupted a step: continue from the checkpoint
    else input = undefined // the graph already finished

    if (input !== undefined) await this.graph.invoke(input as never, config)
    const after = await this.graph.getState(config)
    const gate = after.tasks.flatMap((t) => t.interrupts)[0]
    if (gate) {
      const { gateId } = GateInterrupt.parse(gate.value)
      await openGate(this.deps.sql, { runId: job.run_id, gateId, jobId: job.id })
    } else {
      await finishJob(this.deps.sql, job.id, 'done')
    }
  }

  private async fail(job: JobRow, err: unknown) {
    const reason = err instanceof LlmError ? `model call failed (${err.failure}): ${err.message}` : (err as Error)?.message ?? String(err)
    this.opts.log(`worker: run ${job.run_id} failed: ${reason}`)
    await this.deps.sql.begin(async (tx) => {
      await finishJob(tx, job.id, 'failed', reason)
      const changed = await tx`update runs set status = 'failed', error = ${reason}
        where id = ${job.run_id} and status not in ('approved', 'rejected', 'failed') returning id`
      if (changed.length) await appendAudit(tx, { actorId: null, action: 'run.failed', runId: job.run_id, data: { reason, jobId: job.id } })
    })
  }
}
