import { z } from 'zod'
import { Role } from '../../contracts/roles'
import { iso, isoOrNull } from '../db/columns'
import type { Queryable } from '../db/connect'

const ThreadRow = z.object({
  id: z.string(),
  run_id: z.string(),
  draft_version: z.number(),
  start_offset: z.number(),
  end_offset: z.number(),
  quote: z.string(),
  status: z.enum(['open', 'resolved']),
  created_by: z.string(),
  created_at: iso,
  resolved_by: z.string().nullable(),
  resolved_at: isoOrNull,
})
export type ThreadRow = z.infer<typeof ThreadRow>

const THREAD_COLUMNS = (db: Queryable) => db`t.id, t.run_id, t.draft_version, t.start_offset, t.end_offset, t.quote, t.status,
  c.email as created_by, t.created_at, r.email as resolved_by, t.resolved_at`

/** A run's threads, oldest first. */
export async function selectThreads(db: Queryable, runId: string): Promise<ThreadRow[]> {
  return z.array(ThreadRow).parse(
    await db`select ${THREAD_COLUMNS(db)} from comment_threads t join users c on c.id = t.created_by left join users r on r.id = t.resolved_by
      where t.run_id = ${runId} order by t.created_at, t.id`,
  )
}

export async function selectThread(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ThreadRow | undefined> {
  const rows =
    await db`select ${THREAD_COLUMNS(db)} from comment_threads t join users c on c.id = t.created_by left join users r on r.id = t.resolved_by
    where t.id = ${id} ${opts.forUpdate ? db`for update of t` : db``}`
  return rows[0] ? ThreadRow.parse(rows[0]) : undefined
}

const CommentRow = z.object({
  id: z.string(),
  thread_id: z.string(),
  author: z.string(),
  body: z.string(),
  mentions: z.array(z.string()),
  created_at: iso,
})
export type CommentRow = z.infer<typeof CommentRow>

/** The comments of a run's threads, oldest first, with the e-mails of who they mention. */
export async function selectComments(db: Queryable, runId: string): Promise<CommentRow[]> {
  return z.array(CommentRow).parse(
    await db`select m.id, m.thread_id, a.email as author, m.body,
        coalesce((select array_agg(u.email order by u.email) from users u where u.id = any(m.mentions)), '{}') as mentions, m.created_at
      from comments m join comment_threads t on t.id = m.thread_id join users a on a.id = m.author_id
      where t.run_id = ${runId} order by m.created_at, m.id`,
  )
}

export async function insertThread(
  db: Queryable,
  t: { runId: string; version: number; start: number; end: number; quote: string; userId: string },
): Promise<string> {
  const [row] = await db`insert into comment_threads (run_id, draft_version, start_offset, end_offset, quote, created_by)
    values (${t.runId}, ${t.version}, ${t.start}, ${t.end}, ${t.quote}, ${t.userId}) returning id`
  return z.object({ id: z.string() }).parse(row).id
}

export async function insertComment(
  db: Queryable,
  c: { threadId: string; userId: string; body: string; mentions: string[] },
): Promise<string> {
  const [row] = await db`insert into comments (thread_id, author_id, body, mentions)
    values (${c.threadId}, ${c.userId}, ${c.body}, ${c.mentions}::uuid[]) returning id`
  return z.object({ id: z.string() }).parse(row).id
}

export async function setThreadStatus(db: Queryable, t: { id: string; status: 'open' | 'resolved'; userId: string }): Promise<void> {
  await db`update comment_threads set status = ${t.status}, resolved_by = ${t.status === 'resolved' ? t.userId : null} where id = ${t.id}`
}

const Person = z.object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(Role) })
export type Person = z.infer<typeof Person>

/** Active users with any of these e-mails or e-mail local parts (what "@ann" or "@ann@example.com" names). */
export async function selectPeopleByHandle(db: Queryable, handles: readonly string[]): Promise<Person[]> {
  if (handles.length === 0) return []
  return z.array(Person).parse(
    await db`select id, email, name, roles from users
      where disabled_at is null and (lower(email) = any(${[...handles]}) or lower(split_part(email, '@', 1)) = any(${[...handles]}))`,
  )
}

/** The text of one version of a run's draft (not its content: an SEO plan's is megabytes). */
export async function selectDraftText(db: Queryable, runId: string, version: number): Promise<string | undefined> {
  const rows = await db`select text from drafts where run_id = ${runId} and version = ${version}`
  return rows[0] ? z.object({ text: z.string() }).parse(rows[0]).text : undefined
}
