import { z } from 'zod'
import { iso } from '../db/columns'
import { RunStatus } from '../../contracts/runs'
import { BriefBase, BriefKind, byKind, type CreateBrief, type Lang, type PiiDismissal } from '../../contracts/briefs'
import { reviewsGate } from '../access/queries'
import type { Queryable } from '../db/connect'

// Dates are selected with to_char, so no driver or time zone can shift the calendar day.
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** A brief's row: the contract's fields (contracts/briefs.ts), with its fact-check owner's id, without its runs. */
const BriefRowBase = BriefBase.omit({ runs: true }).extend({
  id: z.string(),
  authorId: z.string(),
  deadline: day,
  factCheckOwnerId: z.string().nullable(),
  createdAt: iso,
})
/** A brief read back: its inputs parsed by its kind, once, here. */
export const BriefRow = byKind(BriefRowBase)
export type BriefRow = z.infer<typeof BriefRow>

export async function selectBrief(db: Queryable, id: string): Promise<BriefRow | undefined> {
  const rows = await db`select b.id, b.kind, b.title, b.audience, b.task, b.offer, b.format, b.channel,
      to_char(b.deadline, 'YYYY-MM-DD') as deadline, b.quality_criteria as "qualityCriteria", b.success_metrics as "successMetrics",
      b.lang, b.advertised, b.inputs, b.fact_check_owner_id as "factCheckOwnerId", f.email as "factCheckOwner",
      b.author_id as "authorId", u.email as "authorEmail", b.created_at as "createdAt", b.pii_dismissals as "piiDismissals"
    from briefs b join users u on u.id = b.author_id left join users f on f.id = b.fact_check_owner_id
    where b.id = ${id}`
  return rows[0] ? BriefRow.parse(rows[0]) : undefined
}

export const RunSummaryRow = z.object({ id: z.string(), status: z.string(), created_at: iso })

export async function selectBriefRuns(db: Queryable, briefId: string) {
  return z
    .array(RunSummaryRow)
    .parse(await db`select id, status, created_at from runs where brief_id = ${briefId} order by created_at desc`)
}

export const BriefListRow = BriefRowBase.pick({
  id: true,
  title: true,
  channel: true,
  deadline: true,
  authorId: true,
  authorEmail: true,
  createdAt: true,
}).extend({ kind: BriefKind, reviews: z.boolean(), status: RunStatus.nullable(), overdue: z.boolean() })

/** `visibleTo`: only the briefs this user reads (their own, those they review, those with an approved run). */
export async function selectBriefs(db: Queryable, opts: { authorId?: string; visibleTo?: { id: string; roles: string[] }; limit: number }) {
  const v = opts.visibleTo
  const reviews = v
    ? db`exists (select 1 from gates g join runs r on r.id = g.run_id where r.brief_id = b.id and ${reviewsGate(db, v)})`
    : db`false`
  return z.array(BriefListRow).parse(
    await db`select b.id, b.kind, b.title, b.channel, to_char(b.deadline, 'YYYY-MM-DD') as deadline, b.author_id as "authorId",
        u.email as "authorEmail", b.created_at as "createdAt", ${reviews} as reviews,
        (select r.status from runs r where r.brief_id = b.id order by r.created_at desc, r.id desc limit 1) as status,
        exists (select 1 from gates g join runs r on r.id = g.run_id
          where r.brief_id = b.id and g.status = 'open' and g.due_at < now()) as overdue
      from briefs b join users u on u.id = b.author_id
      where ${opts.authorId ? db`b.author_id = ${opts.authorId}` : db`true`}
        and ${v ? db`(b.author_id = ${v.id} or ${reviews} or exists (select 1 from runs r where r.brief_id = b.id and r.status = 'approved'))` : db`true`}
      order by b.created_at desc limit ${opts.limit}`,
  )
}

/** An active user by e-mail (lower-cased), with roles: who may own a brief's fact check. */
export async function selectActiveUserRoles(db: Queryable, email: string) {
  const rows = await db`select id, roles from users where email = ${email.toLowerCase()} and disabled_at is null`
  return rows[0] ? z.object({ id: z.string(), roles: z.array(z.string()) }).parse(rows[0]) : undefined
}

/** A new brief as validated (CreateBrief) with its detected language and owner; its id. */
export async function insertBrief(
  db: Queryable,
  b: CreateBrief & { lang: Lang; factCheckOwnerId: string | null; authorId: string; piiDismissals: PiiDismissal[] },
): Promise<string> {
  const rows = await db`insert into briefs (kind, title, audience, task, offer, format, channel, deadline,
      quality_criteria, success_metrics, fact_check_owner_id, lang, advertised, inputs, author_id, pii_dismissals)
    values (${b.kind}, ${b.title}, ${b.audience}, ${b.task}, ${b.offer}, ${b.format},
      ${b.channel}, ${b.deadline}, ${b.qualityCriteria}, ${b.successMetrics}, ${b.factCheckOwnerId}, ${b.lang}, ${b.advertised ?? null},
      ${db.json(b.inputs)}, ${b.authorId}, ${db.json(b.piiDismissals)})
    returning id`
  return z.object({ id: z.string() }).parse(rows[0]).id
}
