import { z } from 'zod'
import { iso } from '../db/columns'
import { BriefKind, byKind, Lang, PiiDismissal } from '../../contracts/briefs'
import { reviewsGate } from '../access/visibility'
import type { Queryable } from '../db/connect'

// Dates are selected with to_char, so no driver or time zone can shift the calendar day.
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const BriefRowBase = z.object({
  id: z.string(),
  title: z.string(),
  audience: z.string(),
  task: z.string(),
  offer: z.string(),
  format: z.string(),
  channel: z.string(),
  deadline: day,
  quality_criteria: z.string(),
  success_metrics: z.string(),
  fact_check_owner_id: z.string().nullable(),
  fact_check_owner_email: z.string().nullable(),
  lang: Lang,
  advertised: z.string().nullable(),
  pii_dismissals: z.array(PiiDismissal),
  author_id: z.string(),
  author_email: z.string(),
  created_at: iso,
})
/** A brief read back: its inputs parsed by its kind, once, here. */
export const BriefRow = byKind(BriefRowBase)
export type BriefRow = z.infer<typeof BriefRow>

export async function selectBrief(db: Queryable, id: string): Promise<BriefRow | undefined> {
  const rows = await db`select b.id, b.kind, b.title, b.audience, b.task, b.offer, b.format, b.channel,
      to_char(b.deadline, 'YYYY-MM-DD') as deadline, b.quality_criteria, b.success_metrics, b.lang, b.advertised, b.inputs,
      b.fact_check_owner_id, b.author_id, b.created_at, b.pii_dismissals, u.email as author_email, f.email as fact_check_owner_email
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
  author_id: true,
  author_email: true,
  created_at: true,
}).extend({ kind: BriefKind, reviews: z.boolean() })

/** `visibleTo`: only the briefs this user reads (their own, those they review, those with an approved run). */
export async function selectBriefs(db: Queryable, opts: { authorId?: string; visibleTo?: { id: string; roles: string[] }; limit: number }) {
  const v = opts.visibleTo
  const reviews = v
    ? db`exists (select 1 from gates g join runs r on r.id = g.run_id where r.brief_id = b.id and ${reviewsGate(db, v)})`
    : db`false`
  return z.array(BriefListRow).parse(
    await db`select b.id, b.kind, b.title, b.channel, to_char(b.deadline, 'YYYY-MM-DD') as deadline, b.author_id,
        u.email as author_email, b.created_at, ${reviews} as reviews
      from briefs b join users u on u.id = b.author_id
      where ${opts.authorId ? db`b.author_id = ${opts.authorId}` : db`true`}
        and ${v ? db`(b.author_id = ${v.id} or ${reviews} or exists (select 1 from runs r where r.brief_id = b.id and r.status = 'approved'))` : db`true`}
      order by b.created_at desc limit ${opts.limit}`,
  )
}
