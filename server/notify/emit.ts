// The events of the review that people are told of, written to the outbox in the transaction of the
// change that causes them and fanned out there to one `notify` job per recipient (queries.ts).
import { randomUUID } from 'node:crypto'
import type { GateName } from '../../contracts/runs'
import type { Queryable, Sql } from '../db/connect'
import { insertEvent } from '../handoff/queries'
import type { ReviewEventType } from '../../contracts/events'
import { enqueueChannelDeliveries, enqueueNotifications, selectGateReviewers, selectRoleHolders, selectUnannouncedOverdue } from './queries'

export type { ReviewEventType }

/** What a message says; kept on the event, so a message sent later says what happened then. */
export type ReviewEvent = {
  type: ReviewEventType
  runId: string
  briefTitle: string
  kind: string
  gate?: GateName
  dueAt?: string | null
  /** Who did it (an e-mail), when a person did. */
  by?: string
  comment?: string
  /** The words a comment is anchored to. */
  quote?: string
  /** The role an overdue gate was escalated to. */
  role?: string
  /** A monthly AI budget: whose (a user's e-mail, a team's name), its month, spend and limit in USD. */
  budget?: { scope: 'user' | 'team'; name: string; month: string; spentUsd: number; limitUsd: number }
}

type Who = { runId: string; authorId: string; actorId: string | null }

// What a team's chat hears of: the review's progress; what is said to one person (a review handed
// to them, a mention) stays between them. A script's webhook gets every event.
const TEAM_WIDE: ReadonlySet<ReviewEventType> = new Set([
  'gate.opened',
  'gate.overdue',
  'gate.escalated',
  'changes.requested',
  'run.approved',
  'run.rejected',
])

/** Writes the event and queues its notifications and team deliveries; the actor is never told of their own act. */
async function emit(db: Queryable, id: string, event: ReviewEvent, userIds: readonly string[], actorId: string | null) {
  if (!(await insertEvent(db, { id, type: event.type, runId: event.runId, payload: event }))) return
  await enqueueNotifications(db, { runId: event.runId, eventId: id, userIds: userIds.filter((u) => u !== actorId) })
  await enqueueChannelDeliveries(db, {
    runId: event.runId,
    eventId: id,
    channels: TEAM_WIDE.has(event.type) ? ['events', 'chat', 'telegram'] : ['events'],
  })
}

/** A gate opened: its assignee, or everyone holding its role, learns of a review waiting for them. */
export async function gateOpened(db: Queryable, e: Omit<ReviewEvent, 'type'> & { gateId: string }) {
  const { gateId, ...event } = e
  await emit(db, `gate.opened:${gateId}`, { ...event, type: 'gate.opened' }, await selectGateReviewers(db, gateId), null)
}

/** A review handed to someone (by someone else): they learn it is theirs now. */
export async function gateAssigned(db: Queryable, e: Omit<ReviewEvent, 'type'> & { gateId: string; assigneeId: string; actorId: string }) {
  const { gateId, assigneeId, actorId, ...event } = e
  await emit(db, `gate.assigned:${gateId}:${randomUUID()}`, { ...event, type: 'gate.assigned' }, [assigneeId], actorId)
}

/** A decision that sends the draft back or ends the run, or the approval: the author learns of it. */
export async function toAuthor(
  db: Queryable,
  e: Omit<ReviewEvent, 'type'> & { type: 'changes.requested' | 'run.approved' | 'run.rejected'; gateId?: string } & Omit<Who, 'runId'>,
) {
  const { gateId, authorId, actorId, ...event } = e
  await emit(db, `${e.type}:${gateId ?? e.runId}`, event, [authorId], actorId)
}

/** People mentioned in a comment: each learns who wrote what, on which words. */
export async function mentioned(
  db: Queryable,
  e: Omit<ReviewEvent, 'type'> & { commentId: string; userIds: readonly string[]; actorId: string },
) {
  const { commentId, userIds, actorId, ...event } = e
  await emit(db, `comment.mention:${commentId}`, { ...event, type: 'comment.mention' }, userIds, actorId)
}

/**
 * A monthly AI budget past its warning share, or spent, after a run's model calls: the run's
 * author and the CMOs learn of it, once per budget, state and month (the event id names them).
 */
export async function budgetCrossed(
  db: Queryable,
  e: Omit<ReviewEvent, 'type' | 'budget'> & {
    type: 'budget.warning' | 'budget.spent'
    budget: NonNullable<ReviewEvent['budget']>
    authorId: string
  },
) {
  const { authorId, ...event } = e
  const b = e.budget
  const cmos = await selectRoleHolders(db, 'cmo', authorId)
  await emit(db, `${e.type}:${b.scope}:${b.name}:${b.month}`, event, [authorId, ...cmos], null)
}

/**
 * The sweep of overdue reviews (every worker runs it when idle, at most once a minute): for each
 * open gate past its due date, its reviewers are told it is overdue and, where the policy
 * escalates it, the holders of that role that it is theirs now. Once per gate: the event ids are
 * the gate's, so a second worker sweeping at the same moment writes nothing. How many gates.
 */
export async function announceOverdue(sql: Sql, limit = 100): Promise<number> {
  const due = await selectUnannouncedOverdue(sql, limit)
  for (const g of due) {
    await sql.begin(async (tx) => {
      const event = { runId: g.run_id, briefTitle: g.title, kind: g.kind, gate: g.gate as GateName, dueAt: g.due_at.toISOString() }
      await emit(tx, `gate.overdue:${g.id}`, { ...event, type: 'gate.overdue' }, await selectGateReviewers(tx, g.id), null)
      if (g.escalate_to) {
        const holders = await selectRoleHolders(tx, g.escalate_to, g.author_id)
        await emit(tx, `gate.escalated:${g.id}`, { ...event, type: 'gate.escalated', role: g.escalate_to }, holders, null)
      }
    })
  }
  return due.length
}
