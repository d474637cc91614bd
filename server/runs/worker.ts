import { randomUUID } from 'node:crypto'
import { appendAudit } from '../audit/append'
import { openGate } from './open-gate'
import { LlmError } from '../llm/provider'
import { silentLog, type Log } from '../log'
import { isDbConnectionError } from '../process-guards'
import { PostgresJsSaver } from './checkpointer'
import type { RunDeps } from './deps'
import { Command, GateInterrupt, buildRunGraph, type RunGraph } from './graph'
import { claimJob, finishJob, JOB_TYPES, type JobRow, type JobType, releaseJob, renewLease } from '../jobs/queries'
import { markFailed, selectRunStatus } from './queries'
import { retryDeliveryLater } from '../handoff/queries'
import { runDelivery } from '../handoff/run-delivery'
import { channelBody } from '../notify/channel-body'
import { queueDueDigests } from '../notify/digest'
import { jobProgressWriter, withProgress } from '../jobs/progress'
import { announceOverdue } from '../notify/emit'
import { runNotification } from '../notify/run-notification'

export type WorkerOptions = {
  /** How long a claimed job stays ours without a heartbeat; a dead worker's jobs return after it. */
  leaseSeconds?: number
  pollMs?: number
  /** A job claimed this many times (its worker kept dying) fails its run. */
  maxAttempts?: number
  /** Where the worker says what went wrong (the server's log); silent by default. */
  log?: Log
  /** How often an idle worker looks for reviews gone past their due date, to say so (notify/emit.ts). */
  sweepMs?: number
}

/** How long an outbox job that threw (not a refused delivery: a bug, the database away) waits before its next try. */
const OUTBOX_RETRY_MS = 60_000

/** Thrown inside a job when its lease went to another worker: we stop and leave the job alone. */
class LeaseLost extends Error {}

/**
 * Claims jobs from the database and drives each run's graph until it stops at a gate or ends.
 * Several workers, in this process or others, can run against one database. A dropped database
 * connection never ends the loop: steps that are safe to repeat are retried with backoff, a job
 * interrupted by the outage goes back to the queue and continues from its last checkpoint.
 */
export class Worker {
  /** Process-wide defaults under the constructor's options (test child processes shorten the lease here). */
  static defaults: WorkerOptions = {}
  readonly id = `worker-${process.pid}-${randomUUID().slice(0, 8)}`
  private readonly graph: RunGraph
  private stopped = false
  private wakeUp: (() => void) | null = null
  private loop: Promise<void> | null = null
  private readonly opts: Required<WorkerOptions>
  /** What this worker can do: e-mails only with SMTP configured (another process may have it). */
  private readonly types: readonly JobType[]

  constructor(
    private readonly deps: RunDeps,
    opts: WorkerOptions = {},
  ) {
    this.graph = buildRunGraph(deps, new PostgresJsSaver(deps.sql))
    const o = { leaseSeconds: 60, pollMs: 500, maxAttempts: 5, log: silentLog, sweepMs: 60_000, ...Worker.defaults, ...opts }
    this.opts = { ...o, log: o.log.child({ worker: this.id }) }
    this.types = JOB_TYPES.filter((t) => t !== 'notify' || deps.notify !== undefined)
  }

  start() {
    // run() catches everything it expects; this catch only makes an unexpected bug loud, not an unhandled rejection.
    this.loop ??= this.run().catch((err) => this.opts.log.error({ err }, 'worker loop stopped by a bug'))
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

  /**
   * Claims and finishes jobs until none is left (overdue reviews announced first); for tests and the
   * CLI. Digests are the running loop's: they follow the clock (notify/digest.ts).
   */
  async drain(): Promise<number> {
    await announceOverdue(this.deps.sql)
    let n = 0
    for (;;) {
      const job = await claimJob(this.deps.sql, this.id, this.opts.leaseSeconds, this.types)
      if (!job) return n
      await this.process(job)
      n++
    }
  }

  private async run() {
    let failures = 0
    while (!this.stopped) {
      let job: JobRow | undefined
      try {
        // Not retried in place: if the claim committed but its answer was lost, that job's lease
        // simply runs out and it is claimed again.
        job = await claimJob(this.deps.sql, this.id, this.opts.leaseSeconds, this.types)
        failures = 0
      } catch (err) {
        failures++
        this.opts.log.warn({ failures, err: (err as Error).message }, 'claiming a job failed')
      }
      await this.sweep() // at most once per sweepMs, busy or not
      if (job) {
        await this.process(job) // never throws: every outcome is recorded or left to the lease
        continue
      }
      // Back off while the database is away (0.5 s, 1 s, 2 s … 10 s); otherwise poll.
      await this.sleep(failures ? Math.min(10_000, this.opts.pollMs * 2 ** (failures - 1)) : this.opts.pollMs)
    }
  }

  private lastSweep = 0
  /**
   * At most once per sweepMs, announce reviews gone past their due date and queue the digests whose
   * hour has come (a failure waits for the next sweep).
   */
  private async sweep() {
    if (Date.now() - this.lastSweep < this.opts.sweepMs) return
    this.lastSweep = Date.now()
    try {
      const n = await announceOverdue(this.deps.sql)
      if (n) this.opts.log.info({ gates: n }, 'overdue reviews announced')
      const digests = this.deps.notify ? await queueDueDigests(this.deps.sql, this.deps.notify.timeZone) : 0
      if (digests) this.opts.log.info({ digests }, 'daily digests queued')
    } catch (err) {
      this.opts.log.warn({ err: (err as Error).message }, 'the sweep of overdue reviews and digests failed')
    }
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const t = setTimeout(done, ms)
      function done() {
        clearTimeout(t)
        resolve()
      }
      this.wakeUp = done
    }).finally(() => (this.wakeUp = null))
  }

  async process(job: JobRow): Promise<void> {
    const lease = new AbortController()
    const heartbeat = setInterval(
      () => {
        renewLease(this.deps.sql, job.id, this.id, this.opts.leaseSeconds).then(
          (ours) => ours || lease.abort(new LeaseLost(`job ${job.id} was taken over by another worker`)),
          // A missed beat is fine: the next one retries; the lease is three beats long.
          (err) => this.opts.log.warn({ jobId: job.id, runId: job.run_id, err: (err as Error).message }, 'heartbeat failed'),
        )
      },
      (this.opts.leaseSeconds * 1000) / 3,
    )
    // a delivery (an approved text, an event to a channel) or an e-mail: its own attempts and
    // backoff, and whatever goes wrong stays with the job, never the run's failure
    if (job.type === 'deliver' || job.type === 'notify') {
      try {
        if (job.type === 'deliver') {
          const handoff = this.deps.handoff
          const bodyOf = channelBody({ publicUrl: handoff?.publicUrl || 'http://localhost', lang: handoff?.chatLang ?? 'ru' })
          await runDelivery(this.deps.sql, handoff, job, this.id, this.opts.log, bodyOf)
        } else await runNotification(this.deps.sql, this.deps.notify, job, this.id, this.opts.log)
      } catch (err) {
        this.opts.log.warn(
          { jobId: job.id, runId: job.run_id, type: job.type, err: (err as Error).message },
          'outbox job failed; retried later',
        )
        await retryDeliveryLater(this.deps.sql, job.id, this.id, OUTBOX_RETRY_MS, (err as Error).message).catch(() => {}) // else the lease runs out
      } finally {
        clearInterval(heartbeat)
      }
      return
    }
    try {
      if (job.attempts > this.opts.maxAttempts) {
        throw new Error(`gave up after ${job.attempts - 1} attempts: the worker processing this run kept stopping`)
      }
      await this.advance(job, lease.signal)
    } catch (err) {
      await this.settle(job, lease.signal.aborted ? lease.signal.reason : err)
    } finally {
      clearInterval(heartbeat)
    }
  }

  /** A step failed: leave it to the new owner, requeue it (database away), or fail the run. Never throws. */
  private async settle(job: JobRow, err: unknown) {
    const { log } = this.opts
    try {
      if (err instanceof LeaseLost) {
        log.warn({ jobId: job.id, runId: job.run_id }, `${err.message}; leaving it alone`)
      } else if (isDbConnectionError(err) && job.attempts <= this.opts.maxAttempts) {
        const reason = `database connection lost: ${(err as Error).message}`
        log.warn({ jobId: job.id, runId: job.run_id, reason }, 'job interrupted, back to the queue')
        await retryDb(() => releaseJob(this.deps.sql, job.id, this.id, reason), { signal: this.stopSignal() })
      } else {
        await retryDb(() => this.fail(job, err), { signal: this.stopSignal() })
      }
    } catch (e) {
      // The database stayed away through every retry: the lease runs out and the job is claimed again.
      log.error({ jobId: job.id, runId: job.run_id, err: (e as Error).message }, 'could not record the outcome of a job')
    }
  }

  /** Moves the run's graph forward from wherever its last checkpoint left it. */
  private async advance(job: JobRow, signal: AbortSignal) {
    const config = { configurable: { thread_id: job.run_id } }
    const before = await retryDb(() => this.graph.getState(config), { signal })
    const waiting = before.tasks.flatMap((t) => t.interrupts)[0]
    let input: unknown
    if (!before.createdAt) input = { runId: job.run_id }
    else if (waiting) {
      // A resume job carries the decision; a run job here means we died before opening the gate.
      input = job.type === 'resume' ? new Command({ resume: job.payload }) : undefined
    } else if (before.next.length > 0)
      input = null // a crash interrupted a step: continue from the checkpoint
    else input = undefined // the graph already finished

    // `signal` stops the graph between steps when another worker took the job over; what the
    // steps report of their progress goes to the job, for the run page (runs/progress.ts).
    const progress = jobProgressWriter(this.deps.sql, { id: job.id, workerId: this.id }, this.opts.log)
    try {
      if (input !== undefined) await withProgress(progress.report, () => this.graph.invoke(input as never, { ...config, signal }))
    } finally {
      await progress.flush() // written before the job ends, or not at all (a write needs the lease)
    }
    const after = await retryDb(() => this.graph.getState(config), { signal })
    const gate = after.tasks.flatMap((t) => t.interrupts)[0]
    if (gate) {
      const { gateId } = GateInterrupt.parse(gate.value)
      // Safe to repeat; it checks in its transaction that the job is still ours before opening the gate.
      if (
        (await retryDb(
          () => openGate(this.deps.sql, { runId: job.run_id, gateId, jobId: job.id, workerId: this.id }, this.deps.policy.calendar),
          { signal },
        )) === 'lost'
      ) {
        throw new LeaseLost(`job ${job.id} was taken over by another worker before it finished`)
      }
    } else {
      // The graph ends only at release (approved) or a rejection. Ending anywhere else means its
      // checkpoint lost a step (seen when connections were terminated mid-write): fail the run
      // with the reason, never leave it "running" forever with its job done.
      const status = await retryDb(() => selectRunStatus(this.deps.sql, job.run_id), { signal })
      if (status !== 'approved' && status !== 'rejected') {
        throw new Error(`the run's graph stopped without reaching a gate (its last checkpoint is incomplete); start the run again`)
      }
      if (!(await retryDb(() => finishJob(this.deps.sql, job.id, 'done', undefined, { workerId: this.id }), { signal }))) {
        throw new LeaseLost(`job ${job.id} was taken over by another worker before it finished`)
      }
    }
  }

  private async fail(job: JobRow, err: unknown) {
    const reason = err instanceof LlmError ? `model call failed (${err.failure}): ${err.message}` : ((err as Error)?.message ?? String(err))
    await this.deps.sql.begin(async (tx) => {
      // Only while the job is still ours: otherwise the worker that took it over decides the run.
      if (!(await finishJob(tx, job.id, 'failed', reason, { workerId: this.id }))) {
        this.opts.log.warn({ jobId: job.id, runId: job.run_id, reason }, 'run failed here, but the job is no longer ours; not recording it')
        return
      }
      this.opts.log.warn({ jobId: job.id, runId: job.run_id, reason }, 'run failed')
      if (await markFailed(tx, job.run_id, reason))
        await appendAudit(tx, { actorId: null, action: 'run.failed', runId: job.run_id, data: { reason, jobId: job.id } })
    })
  }

  /** Aborts retries when the worker is stopping, so stop() does not wait out a long outage. */
  private stopSignal(): AbortSignal | undefined {
    return this.stopped ? AbortSignal.abort(new Error('worker stopping')) : undefined
  }
}

/**
 * Runs a database step that is safe to repeat, retrying it while the connection is down:
 * 0.25 s, 0.5 s, 1 s … up to 8 s between tries, about 30 s in all. Any other error is thrown at once.
 */
export async function retryDb<T>(step: () => Promise<T>, opts: { signal?: AbortSignal; tries?: number } = {}): Promise<T> {
  const tries = opts.tries ?? 8
  for (let attempt = 1; ; attempt++) {
    opts.signal?.throwIfAborted()
    try {
      return await step()
    } catch (err) {
      if (!isDbConnectionError(err) || attempt >= tries) throw err
      const ms = Math.min(8000, 250 * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2)
      await new Promise((r) => setTimeout(r, ms))
    }
  }
}
