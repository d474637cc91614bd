import type { HandoffDelivery } from '../../contracts/handoff'
import { refuse } from '../refusals'
import type { Ctx } from '../verb'
import { selectDeliveries } from './queries'

/** The latest deliveries with their state and last error (admins): a failed one is never lost from sight. */
export async function listDeliveries({ ctx: { db, user } }: { ctx: Ctx }): Promise<HandoffDelivery[]> {
  if (!user.roles.includes('admin')) throw refuse('handoff.admins_only')
  return (await selectDeliveries(db, 200)).map((r) => ({
    id: r.id,
    runId: r.run_id,
    eventId: r.payload.eventId,
    destination: r.payload.destination,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.status === 'queued' ? r.not_before : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }))
}
