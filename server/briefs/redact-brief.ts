import { BRIEF_TEXTS, type BriefText, type KindInputs } from '../../contracts/briefs'
import { dismissedIn } from './pii-check'
import { mapInputs } from './kind-inputs'
import type { BriefRow } from './queries'
import type { Queryable } from '../db/connect'
import type { Policy } from '../policy/load'
import { Redactor } from '../policy/pii-guard'
import { policyByVersion } from '../policy/store'

/** The policy a run was drafted under (its recorded version), else the active one. */
export async function runPolicy(db: Queryable, active: Policy, version: string | null): Promise<Policy> {
  return version ? policyByVersion(db, version) : active
}

export type RedactedBrief = Record<BriefText, string> & KindInputs

/** `f` of each key, as a record: the one place a record is built from a key list (TypeScript cannot type Object.fromEntries so). */
export function recordOf<K extends string, V>(keys: readonly K[], f: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, V>
}

/**
 * The brief as the drafting step sees it, and the knowledge base shows it: the briefs table
 * keeps what the writer typed, and nothing of that reaches a model or leaves the knowledge base
 * unredacted. One function for both, so a placeholder ([PHONE_1]) names the same value in the
 * drafts and in the archive; findings the writer dismissed as not personal data stay as written.
 * The redactor is returned to go on over the run's other free texts with the same numbering.
 */
export function redactBrief(policy: Policy, brief: BriefRow): { fields: RedactedBrief; redactor: Redactor } {
  const redactor = Redactor.forPolicy(policy)
  const keep = (path: string) => dismissedIn(brief.piiDismissals, path)
  const fields = {
    ...recordOf(BRIEF_TEXTS, (key) => redactor.redact(brief[key], keep(key))),
    ...mapInputs(brief, (inputs) => redactor.redactDeep(inputs, 'inputs', keep)),
  }
  return { fields, redactor }
}
