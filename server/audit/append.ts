import type { Queryable } from '../db/connect'
import { insertAuditRow } from './queries'

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
  | 'run.exported'
  | 'handoff.delivered'
  | 'outbox.retried'
  | 'handoff.failed'
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
  | 'gate.assigned'
  | 'gate.assignment_carried'
  | 'notifications.set'
  | 'comment.added'
  | 'thread.resolved'
  | 'thread.reopened'
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
  await insertAuditRow(db, { actorId: entry.actorId, action: entry.action, runId: entry.runId ?? null, data: entry.data ?? {} })
}
