// Errors cross the thread boundary as data (structured clone keeps only a plain Error's
// message). The classes callers test with instanceof are rebuilt here, so code that awaits
// runInPool behaves exactly as when it called the function in-thread.
import { AppError, type ErrorCode, type Issue, type Refusal } from '../errors'

export type SerializedError = { name: string; message: string; stack?: string; code?: ErrorCode; issues?: Issue[]; refusal?: Refusal }

/** The thread lost its task: it crashed, was stopped at its timeout, or the pool closed. */
export class ComputeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ComputeError'
  }
}

/** Keyed by the class's own name: `err.constructor.name` in the thread. */
const REVIVE = new Map<string, (e: SerializedError) => Error>([
  ['AppError', (e) => new AppError(e.code ?? 'internal', e.message, e.issues, e.refusal)],
])

/**
 * Lets an error class of a task cross back as itself: the module that defines the class registers
 * it (seo/cluster.ts, seo/import.ts). Code that tests `instanceof` has imported that module, so the
 * class is registered wherever it is tested; the pool needs no list of the app's errors.
 */
export function revivable(name: string, make: (message: string, refusal?: Refusal) => Error): void {
  REVIVE.set(name, (e) => make(e.message, e.refusal))
}

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) }
  const out: SerializedError = { name: err.constructor.name, message: err.message, stack: err.stack }
  if (err instanceof AppError) Object.assign(out, { code: err.code, issues: err.issues })
  // a refusal's reason crosses too: an AppError's, or an ImportError's (seo/import.ts)
  const { refusal } = err as { refusal?: Refusal }
  if (refusal) out.refusal = refusal
  return out
}

/** The thread's error as its own class where one is known, with the thread's stack kept for the log. */
export function reviveError(e: SerializedError, task: string): Error {
  const err = REVIVE.get(e.name)?.(e) ?? Object.assign(new Error(e.message), { name: e.name })
  err.stack = `${err.stack}\n    in compute task "${task}":\n${e.stack ?? ''}`
  return err
}
