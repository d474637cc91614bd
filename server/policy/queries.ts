import type { Queryable } from '../db/connect'
import type { PolicySnapshot } from './load'
import { jsonValue } from '../db/columns'
import { readStoredSnapshot } from './legacy-snapshot'

/** Records a policy version's sources; true when the version is new (false when it was recorded before). */
export async function insertPolicyVersion(db: Queryable, v: { version: string; name: string; snapshot: PolicySnapshot }): Promise<boolean> {
  const added = await db`insert into policy_versions (version, name, snapshot) values (${v.version}, ${v.name},
    ${db.json(jsonValue(v.snapshot))}) on conflict (version) do nothing returning version`
  return added.length > 0
}

/** The stored sources of a policy version, validated; undefined when the version is not recorded. */
export async function selectPolicySnapshot(db: Queryable, version: string): Promise<PolicySnapshot | undefined> {
  const [row] = await db`select snapshot from policy_versions where version = ${version}`
  return row ? readStoredSnapshot(row.snapshot) : undefined
}
