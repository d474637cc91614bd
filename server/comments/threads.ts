// Comments on the text: threads anchored to a span of a draft version, answered in place, resolved
// and reopened; a mention tells the person mentioned. Only those who read the run's work (its
// author, its reviewers, the roles the policy names) take part; the discussion closes with the run.
import type { ThreadStart, Thread } from '../../contracts/comments'
import { runAccess } from '../access/visibility'
import { appendAudit } from '../audit/append'
import type { Queryable } from '../db/connect'
import { refuse } from '../refusals'
import { mentioned } from '../notify/emit'
import type { Policy } from '../policy/load'
import { type RunRow, selectRun } from '../runs/queries'
import type { Ctx, VerbArgs } from '../verb'
import { followAnchor } from './anchor'
import { mentionHandles } from './mention-handles'
import {
  insertComment,
  insertThread,
  selectComments,
  selectDraftText,
  selectPeopleByHandle,
  selectThread,
  selectThreads,
  setThreadStatus,
} from './queries'

/** The run, if this user reads its work: the discussion is part of the work. */
async function workRun(db: Queryable, policy: Policy, user: Ctx['user'], runId: string, opts: { forUpdate?: boolean } = {}) {
  const run = await selectRun(db, runId, opts)
  if (!run) throw refuse('not_found.run')
  if ((await runAccess(db, policy, user, run)) !== 'work') throw refuse('comment.not_in_work')
  return run
}

const closed = (run: RunRow) => {
  if (run.status === 'approved') throw refuse('comment.run_approved')
  if (run.status === 'rejected') throw refuse('comment.run_rejected')
}

export async function listThreads({ ctx: { db, user, policy }, input }: VerbArgs<{ runId: string }>): Promise<Thread[]> {
  const run = await workRun(db, policy, user, input.runId)
  const [threads, comments, latest] = await Promise.all([
    selectThreads(db, run.id),
    selectComments(db, run.id),
    selectDraftText(db, run.id, run.draft_version),
  ])
  return threads.map((t) => {
    const at = { draftVersion: t.draft_version, start: t.start_offset, end: t.end_offset, quote: t.quote }
    return {
      id: t.id,
      ...at,
      anchor: latest === undefined ? null : followAnchor(at, { version: run.draft_version, text: latest }),
      status: t.status,
      createdBy: t.created_by,
      createdAt: t.created_at,
      resolvedBy: t.resolved_by,
      resolvedAt: t.resolved_at,
      comments: comments
        .filter((c) => c.thread_id === t.id)
        .map((c) => ({ id: c.id, author: c.author, body: c.body, mentions: c.mentions, createdAt: c.created_at })),
    }
  })
}

/**
 * The people a comment mentions, each one who reads the run's work (a mention of someone who could
 * not open it would leak it to them); a name nobody or several people answer to is a clear 422.
 */
async function mentionsOf(db: Queryable, policy: Policy, run: RunRow, body: string) {
  const handles = mentionHandles(body)
  const people = await selectPeopleByHandle(db, handles)
  const out = []
  for (const handle of handles) {
    const matches = people.filter((p) => p.email.toLowerCase() === handle || p.email.toLowerCase().split('@')[0] === handle)
    if (matches.length === 0) throw refuse('comment.nobody_called', { handle })
    if (matches.length > 1) throw refuse('comment.handle_ambiguous', { handle })
    const person = matches[0]!
    const reads = await runAccess(db, policy, person, run)
    if (reads !== 'work') throw refuse('comment.mention_cannot_read', { handle })
    out.push(person)
  }
  return out
}

/** Appends a comment (its mentions resolved and told), audited; the thread and run are locked by the caller. */
async function addComment(tx: Queryable, ctx: Ctx, run: RunRow, threadId: string, body: string, quote: string) {
  const people = await mentionsOf(tx, ctx.policy, run, body)
  const id = await insertComment(tx, { threadId, userId: ctx.user.id, body, mentions: people.map((p) => p.id) })
  await appendAudit(tx, {
    actorId: ctx.user.id,
    action: 'comment.added',
    runId: run.id,
    data: { threadId, commentId: id, mentions: people.map((p) => p.email) },
  })
  if (people.length) {
    await mentioned(tx, {
      commentId: id,
      userIds: people.map((p) => p.id),
      actorId: ctx.user.id,
      runId: run.id,
      briefTitle: run.brief_title,
      kind: run.kind,
      by: ctx.user.email,
      comment: body,
      quote,
    })
  }
  return id
}

export async function startThread({ ctx, input }: VerbArgs<ThreadStart & { runId: string }>): Promise<Thread> {
  const id = await ctx.db.begin(async (tx) => {
    const run = await workRun(tx, ctx.policy, ctx.user, input.runId, { forUpdate: true })
    closed(run)
    const text = await selectDraftText(tx, run.id, input.draftVersion)
    if (text === undefined) throw refuse('not_found.draft_version', { version: input.draftVersion })
    if (input.end <= input.start || input.end > text.length)
      throw refuse('comment.span_outside', { start: input.start, end: input.end, version: input.draftVersion })
    const quote = text.slice(input.start, input.end)
    if (quote.trim() === '') throw refuse('comment.blank_anchor')
    if (quote.length > 2000) throw refuse('comment.anchor_too_long')
    const threadId = await insertThread(tx, {
      runId: run.id,
      version: input.draftVersion,
      start: input.start,
      end: input.end,
      quote,
      userId: ctx.user.id,
    })
    await addComment(tx, ctx, run, threadId, input.body, quote)
    return threadId
  })
  return (await listThreads({ ctx, input: { runId: input.runId } })).find((t) => t.id === id)!
}

/** A thread and its run, locked (the run first), for a reply or a status change. */
async function lockedThread(tx: Queryable, ctx: Ctx, threadId: string) {
  const first = await selectThread(tx, threadId)
  if (!first) throw refuse('not_found.thread')
  const run = await workRun(tx, ctx.policy, ctx.user, first.run_id, { forUpdate: true })
  closed(run)
  const thread = (await selectThread(tx, threadId, { forUpdate: true }))!
  return { run, thread }
}

export async function reply({ ctx, input }: VerbArgs<{ threadId: string; body: string }>): Promise<Thread> {
  const runId = await ctx.db.begin(async (tx) => {
    const { run, thread } = await lockedThread(tx, ctx, input.threadId)
    await addComment(tx, ctx, run, thread.id, input.body, thread.quote)
    return run.id
  })
  return (await listThreads({ ctx, input: { runId } })).find((t) => t.id === input.threadId)!
}

export async function setStatus({ ctx, input }: VerbArgs<{ threadId: string; status: 'open' | 'resolved' }>): Promise<Thread> {
  const runId = await ctx.db.begin(async (tx) => {
    const { run, thread } = await lockedThread(tx, ctx, input.threadId)
    if (thread.status !== input.status) {
      await setThreadStatus(tx, { id: thread.id, status: input.status, userId: ctx.user.id })
      await appendAudit(tx, {
        actorId: ctx.user.id,
        action: input.status === 'resolved' ? 'thread.resolved' : 'thread.reopened',
        runId: run.id,
        data: { threadId: thread.id },
      })
    }
    return run.id
  })
  return (await listThreads({ ctx, input: { runId } })).find((t) => t.id === input.threadId)!
}
