// The events of the review that people are told of, written to the outbox in the transaction of the
// change that causes them and fanned out there to one `notify` job per recipient (queries.ts).
import { randomUUID } from 'node:crypto'
import type { GateName } from '../../contracts/runs'
import type { Queryable } from '../db/connect'
import { insertEvent } from '../handoff/queries'
import { enqueueNotifications, selectGateReviewers } from './queries'

export type ReviewEventType = 'gate.opened' | 'gate.assigned' | 'changes.requested' | 'run.approved' | 'run.rejected' | 'comment.mention'

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
}

type Who = { runId: string; authorId: string; actorId: string | null }

/** Writes the event and queues its notifications; the actor is never told of their own act. */
async function emit(db: Queryable, id: string, event: ReviewEvent, userIds: readonly string[], actorId: string | null) {
  if (!(await insertEvent(db, { id, type: event.type, runId: event.runId, payload: event }))) return
  await enqueueNotifications(db, { runId: event.runId, eventId: id, userIds: userIds.filter((u) => u !== actorId) })
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
