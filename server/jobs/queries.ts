import { z } from 'zod'
import type { Queryable, Sql } from '../db/connect'
import { iso, isoOrNull, jsonValue } from '../db/columns'

export const JobRow = z.object({
  id: z.coerce.number(),
  run_id: z.string(),
  type: z.enum(['run', 'resume', 'deliver', 'notify']),
  payload: z.unknown(),
  attempts: z.number(),
})
export type JobRow = z.infer<typeof JobRow>

/** Where a job stands, as the admins' lists of deliveries and notifications show it. */
export const JobProgress = z.object({
  id: z.coerce.number(),
  run_id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  attempts: z.number(),
  last_error: z.string().nullable(),
  not_before: isoOrNull,
  created_at: iso,
  updated_at: iso,
})

export async function enqueueJob(db: Queryable, runId: string, type: 'run' | 'resume', payload: object = {}) {
  await db`insert into jobs (run_id, type, payload) values (${runId}, ${type}, ${db.json(jsonValue(payload))})`
}

export type JobType = JobRow['type']
export const JOB_TYPES: readonly JobType[] = JobRow.shape.type.options

/**
 * Claims the oldest job of `types` that is queued (and due: a delivery waits out its backoff), or
 * running with an expired lease (its worker died). A worker claims only what it can do (one
 * without SMTP leaves e-mails to a process that has it).
 * SKIP LOCKED lets any number of workers in any number of processes claim without blocking.
 */
export async function claimJob(
  sql: Sql,
  workerId: string,
  leaseSeconds: number,
  types: readonly JobType[] = JOB_TYPES,
): Promise<JobRow | undefined> {
  const rows = await sql`update jobs set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
      locked_until = now() + ${leaseSeconds} * interval '1 second', updated_at = now()
    where id = (select id from jobs
                where ((status = 'queued' and (not_before is null or not_before <= now())) or (status = 'running' and locked_until < now()))
                  and type = any(${[...types]})
                order by id for update skip locked limit 1)
    returning id, run_id, type, payload, attempts`
  return rows[0] ? JobRow.parse(rows[0]) : undefined
}

/**
 * Extends our lease. False = the job is no longer ours (our lease ran out and another worker
 * claimed it, or it finished): the caller must stop working on it. Safe to repeat.
 */
export async function renewLease(sql: Sql, jobId: number, workerId: string, leaseSeconds: number): Promise<boolean> {
  const rows = await sql`update jobs set locked_until = now() + ${leaseSeconds} * interval '1 second'
    where id = ${jobId} and locked_by = ${workerId} and status = 'running' returning id`
  return rows.length > 0
}

/**
 * Marks a job done or failed. With `workerId`, only while that worker still holds it: a worker
 * whose lease ran out (a long stall, a dropped connection) must not finish the job of the worker
 * that took it over. Returns whether a row changed; repeating it is harmless.
 * Without `workerId` (open-gate.ts inside its transaction) it finishes unconditionally, as before.
 */
export async function finishJob(
  db: Queryable,
  jobId: number,
  status: 'done' | 'failed',
  error?: string,
  opts: { workerId?: string } = {},
): Promise<boolean> {
  const rows = opts.workerId
    ? await db`update jobs set status = ${status}, last_error = ${error ?? null}, locked_until = null, updated_at = now()
        where id = ${jobId} and locked_by = ${opts.workerId} and status = 'running' returning id`
    : await db`update jobs set status = ${status}, last_error = ${error ?? null}, locked_until = null, updated_at = now()
        where id = ${jobId} returning id`
  return rows.length > 0
}

/**
 * Gives a job back to the queue at once (our lease ends now, the attempt still counts), when the
 * database went away under a step: the next claim continues the run from its last checkpoint.
 */
export async function releaseJob(sql: Sql, jobId: number, workerId: string, reason: string): Promise<boolean> {
  const rows = await sql`update jobs set locked_until = now() - interval '1 second', last_error = ${reason}, updated_at = now()
    where id = ${jobId} and locked_by = ${workerId} and status = 'running' returning id`
  return rows.length > 0
}

/** Embedded mode holds the data folder exclusively: any job still "running" belongs to a dead process. */
export async function releaseOrphanedJobs(sql: Sql): Promise<number> {
  const rows = await sql`update jobs set locked_until = now() - interval '1 second' where status = 'running' returning id`
  return rows.length
}

/** How far a job's work is (runs/progress.ts), stamped with the database's time; only while `workerId` holds it. */
export async function setJobProgress(db: Queryable, jobId: number, workerId: string, p: object): Promise<void> {
  await db`update jobs set progress = ${db.json(jsonValue(p))} || jsonb_build_object('at', now())
    where id = ${jobId} and locked_by = ${workerId} and status = 'running'`
}

/** The progress of a run's drafting job, while it is queued or running. */
export async function selectRunProgress(db: Queryable, runId: string): Promise<unknown> {
  const rows = await db`select progress from jobs where run_id = ${runId} and type in ('run', 'resume')
    and status in ('queued', 'running') and progress is not null order by id desc limit 1`
  return rows[0]?.progress ?? null
}
