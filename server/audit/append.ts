import type { Queryable } from '../db/connect'

export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.throttled'
  | 'brief.create'
  | 'run.start'
  | 'run.approved'
  | 'run.rejected'
  | 'run.failed'
  | 'llm.call'
  | 'llm.refused'
  | 'policy.version'
  | 'kb.rated'
  | 'kb.tagged'
  | 'kb.untagged'
  | 'prompt.version'
  | 'gate.opened'
  | 'gate.decision'
  | 'draft.edited'
  | 'pii.blocked'
  | 'pii.redacted'
  | 'pii.dismissed'
  | 'gate.waived'
  | 'claim.checked'
  | 'claim.carried'
  | 'claims.verified'
  | 'user.seed'
  | 'user.add'
  | 'user.disable'

export type AuditEntry = {
  actorId: string | null
  action: AuditAction
  runId?: string | null
  data?: Record<string, unknown>
}

/**
 * Appends one row. Call it with the transaction that makes the change it records, so a
 * failed audit write rolls the change back. Never put personal data or secrets in `data`.
 */
export async function appendAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db`insert into audit_log (actor_id, action, run_id, data)
    values (${entry.actorId}, ${entry.action}, ${entry.runId ?? null}, ${db.json(toJson(entry.data ?? {}))})`
}

// postgres.js wants its own JSON value type; our entries are plain JSON data.
function toJson(data: Record<string, unknown>) {
  return JSON.parse(JSON.stringify(data))
}
