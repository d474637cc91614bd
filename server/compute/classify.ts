// classify() off the main thread, for callers on the API's process (draft-run, create-gates).
// Short texts stay in-thread: posting a message costs more than classifying a headline.
import { classify, type Classification } from '../policy/classify'
import type { Policy } from '../policy/load'
import { runInPool } from './pool'

/** Texts shorter than this are classified in the calling thread. */
export const POOL_FROM_CHARS = 50_000

export function classifyOffThread(policy: Policy, text: string, opts: Parameters<typeof classify>[2]): Promise<Classification> {
  if (text.length < POOL_FROM_CHARS) return Promise.resolve(classify(policy, text, opts))
  return runInPool('policy.classify', { version: policy.version, snapshot: { file: policy.file, packs: policy.packs }, text, opts })
}
