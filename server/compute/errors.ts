// Errors cross the thread boundary as data (structured clone keeps only a plain Error's
// message). The classes callers test with instanceof are rebuilt here, so code that awaits
// runInPool behaves exactly as when it called the function in-thread.
import { AppError, type ErrorCode, type Issue } from '../errors'
import { ClusterOptionError } from '../seo/cluster'
import { ImportError } from '../seo/import'

export type SerializedError = { name: string; message: string; stack?: string; code?: ErrorCode; issues?: Issue[] }

/** The thread lost its task: it crashed, was stopped at its timeout, or the pool closed. */
export class ComputeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ComputeError'
  }
}

/** Keyed by the class's own name: `err.constructor.name` in the thread. */
const REVIVE: Record<string, (e: SerializedError) => Error> = {
  AppError: (e) => new AppError(e.code ?? 'internal', e.message, e.issues),
  ClusterOptionError: (e) => new ClusterOptionError(e.message),
  ImportError: (e) => new ImportError(e.message),
}

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) }
  const out: SerializedError = { name: err.constructor.name, message: err.message, stack: err.stack }
  if (err instanceof AppError) Object.assign(out, { code: err.code, issues: err.issues })
  return out
}

/** The thread's error as its own class where one is known, with the thread's stack kept for the log. */
export function reviveError(e: SerializedError, task: string): Error {
  const err = REVIVE[e.name]?.(e) ?? Object.assign(new Error(e.message), { name: e.name })
  err.stack = `${err.stack}\n    in compute task "${task}":\n${e.stack ?? ''}`
  return err
}
