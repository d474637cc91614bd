import { appendAudit } from '../audit/append'
import type { Queryable } from '../db/connect'
import { compilePolicy, type Policy, type PolicySnapshot } from './load'
import { insertPolicyVersion, selectPolicySnapshot } from './queries'

/**
 * Records the policy version (its validated sources), so runs planned with it can always be
 * replanned with it. A version seen for the first time is a policy change: it goes to the audit log.
 */
export async function syncPolicy(db: Queryable, policy: Policy): Promise<void> {
  const snapshot: PolicySnapshot = { file: policy.file, packs: policy.packs }
  const added = await insertPolicyVersion(db, { version: policy.version, name: policy.name, snapshot })
  if (added)
    await appendAudit(db, {
      actorId: null,
      action: 'policy.version',
      data: { version: policy.version, name: policy.name, packs: policy.packs.map((p) => p.id) },
    })
}

const cache = new Map<string, Policy>()

/** The policy a run was planned with, recompiled from its stored sources (cached). */
export async function policyByVersion(db: Queryable, version: string): Promise<Policy> {
  const hit = cache.get(version)
  if (hit) return hit
  const snapshot = await selectPolicySnapshot(db, version)
  if (!snapshot) throw new Error(`policy version ${version} is not recorded`)
  // the recorded version, also for a snapshot of an older shape read anew (its hash would differ)
  const compiled = { ...compilePolicy(snapshot), version }
  cache.set(version, compiled)
  return compiled
}
