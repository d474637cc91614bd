// The policy's rules over a draft, as a compute-pool task: on a 100,000-keyword SEO plan (a
// 6 MB text) classify() is seconds of CPU, and draft-run and create-gates each call it. The
// thread recompiles the policy from its validated sources once per version (not per call).
import { classify, type Classification } from '../policy/classify'
import { compilePolicy, type Policy, type PolicySnapshot } from '../policy/load'

export type ClassifyInput = { version: string; snapshot: PolicySnapshot; text: string; opts: Parameters<typeof classify>[2] }

const compiled = new Map<string, Policy>()

export function classifyTask({ version, snapshot, text, opts }: ClassifyInput): Classification {
  let policy = compiled.get(version)
  if (!policy) compiled.set(version, (policy = compilePolicy(snapshot)))
  return classify(policy, text, opts)
}
