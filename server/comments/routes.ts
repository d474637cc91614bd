import { Hono } from 'hono'
import { z } from 'zod'
import { CommentPost, Thread, ThreadStart } from '../../contracts/comments'
import { requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { op } from '../http/op'
import { idParam, jsonBody } from '../http/validate'
import type { Policy } from '../policy/load'
import { ctxOf } from '../verb'
import { listThreads, reply, setStatus, startThread } from './threads'

export const COMMENT_OPS = {
  threads: op({
    method: 'get',
    path: '/api/runs/{id}/threads',
    summary: "The run's comment threads, each anchored in its latest version or outdated",
    response: z.array(Thread),
  }),
  start: op({
    method: 'post',
    path: '/api/runs/{id}/threads',
    summary: 'Comment on a span of a draft version (@name or @e-mail mentions notify)',
    body: ThreadStart,
    response: Thread,
    status: 201,
  }),
  reply: op({ method: 'post', path: '/api/threads/{id}/comments', summary: 'Answer in a thread', body: CommentPost, response: Thread }),
  resolve: op({ method: 'post', path: '/api/threads/{id}/resolve', summary: 'Resolve a thread', response: Thread }),
  reopen: op({ method: 'post', path: '/api/threads/{id}/reopen', summary: 'Reopen a resolved thread', response: Thread }),
}

/** /api/runs/:id/threads (mounted beside the run routes) and /api/threads/:id/… */
export function commentRoutes(sql: Sql, policy: Policy) {
  return {
    run: new Hono<AuthEnv>()
      .use(requireUser())
      .get('/:id/threads', async (c) =>
        c.json(await listThreads({ ctx: ctxOf(c, sql, policy), input: { runId: idParam(c, 'id', 'run') } })),
      )
      .post('/:id/threads', async (c) => {
        const body = await jsonBody(c, COMMENT_OPS.start.body)
        return c.json(await startThread({ ctx: ctxOf(c, sql, policy), input: { ...body, runId: idParam(c, 'id', 'run') } }), 201)
      }),
    threads: new Hono<AuthEnv>()
      .use(requireUser())
      .post('/:id/comments', async (c) => {
        const { body } = await jsonBody(c, COMMENT_OPS.reply.body)
        return c.json(await reply({ ctx: ctxOf(c, sql, policy), input: { threadId: idParam(c, 'id', 'thread'), body } }))
      })
      .post('/:id/resolve', async (c) =>
        c.json(await setStatus({ ctx: ctxOf(c, sql, policy), input: { threadId: idParam(c, 'id', 'thread'), status: 'resolved' } })),
      )
      .post('/:id/reopen', async (c) =>
        c.json(await setStatus({ ctx: ctxOf(c, sql, policy), input: { threadId: idParam(c, 'id', 'thread'), status: 'open' } })),
      ),
  }
}
