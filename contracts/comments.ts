import { z } from 'zod'

/** POST /api/runs/:id/threads: a thread on a span of one draft version, with its first comment. */
export const ThreadStart = z.object({
  draftVersion: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  body: z.string().trim().min(1, 'write the comment').max(5000),
})
export type ThreadStart = z.infer<typeof ThreadStart>

/** POST /api/threads/:id/comments: an answer in the thread. */
export const CommentPost = z.object({ body: z.string().trim().min(1, 'write the comment').max(5000) })

export const Comment = z.object({
  id: z.uuid(),
  author: z.string(),
  body: z.string(),
  /** The people the comment mentions (@name or @e-mail), by e-mail: each was notified. */
  mentions: z.array(z.string()),
  createdAt: z.string(),
})

export const Thread = z.object({
  id: z.uuid(),
  /** Where it was written: the version, its offsets and the words it quotes. */
  draftVersion: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  /** Where the same words stand in the run's latest version; null: they changed (outdated). */
  anchor: z.object({ version: z.number().int(), start: z.number().int(), end: z.number().int() }).nullable(),
  status: z.enum(['open', 'resolved']),
  createdBy: z.string(),
  createdAt: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  comments: z.array(Comment),
})
export type Thread = z.infer<typeof Thread>
