import { z } from 'zod'
import { iso } from '../db/columns'
import { BriefKind, Lang, PiiDismissal } from '../../contracts/briefs'
import { GateName, RunStatus } from '../../contracts/runs'
import { reviewsGate } from '../access/queries'
import type { Queryable } from '../db/connect'
import { HEADLINE_CHARS, HEADLINE_OPTIONS, MARK_START, MARK_STOP } from './snippet'

/** The query in each language's configuration, as tsquery text; '' when it has no words there. */
export type Terms = { ru: string; en: string }

export type SearchFilter = {
  terms: Terms | null
  kind?: string
  channel?: string
  outcome?: string
  author?: string
  lang?: string
  /** [since, until) as ISO instants. */
  since?: string
  until?: string
  tag?: string
  /** Only approved results, this user's own and those they review (server/access/visibility.ts); null = every result. */
  visibleTo: { id: string; roles: string[] } | null
}

/**
 * For the rest of the transaction, plan every statement for its own parameters. postgres.js
 * prepares each statement, and after five runs PostgreSQL may keep one generic plan for any
 * parameters: a plan that cannot know whether the words are in a third of the texts (walk newest
 * first) or in three (ask the GIN index) is wrong for one or the other.
 */
export async function forceCustomPlans(db: Queryable): Promise<void> {
  await db`set local plan_cache_mode = force_custom_plan`
}

/** Parses the query with PostgreSQL itself, so the query's stems are exactly the index's. */
export async function parseTerms(db: Queryable, q: string): Promise<Terms> {
  const [row] = await db`select websearch_to_tsquery('russian', ${q})::text as ru, websearch_to_tsquery('english', ${q})::text as en`
  return z.object({ ru: z.string(), en: z.string() }).parse(row)
}

// Each result is matched in its own language's configuration. Written as two @@ tests (not one
// with a CASE inside) so the planner can answer each from the GIN index.
const matches = (db: Queryable, t: Terms) =>
  db`((k.lang = 'ru' and k.tsv @@ ${t.ru}::tsquery) or (k.lang = 'en' and k.tsv @@ ${t.en}::tsquery))`
const query = (db: Queryable, t: Terms) => db`case d.lang when 'ru' then ${t.ru}::tsquery else ${t.en}::tsquery end`
const config = (db: Queryable) => db`case d.lang when 'ru' then 'russian'::regconfig else 'english'::regconfig end`

// Candidates come from the narrow search index (migration 005: one row per result, its current
// draft), never from the wide drafts table; the page's 20 rows are joined to the rest afterwards.
function where(db: Queryable, f: SearchFilter) {
  const v = f.visibleTo
  return db`${v ? db`(k.status = 'approved' or k.author_id = ${v.id} or exists (select 1 from gates g where g.run_id = k.run_id and ${reviewsGate(db, v)}))` : db`true`}
    ${f.kind ? db`and k.kind = ${f.kind}` : db``}
    ${f.channel ? db`and k.channel = ${f.channel}` : db``}
    ${f.outcome ? db`and k.status = ${f.outcome}` : db``}
    ${f.author ? db`and k.author_id = ${f.author}` : db``}
    ${f.lang ? db`and k.lang = ${f.lang}` : db``}
    ${f.since ? db`and k.created_at >= ${f.since}::timestamptz` : db``}
    ${f.until ? db`and k.created_at < ${f.until}::timestamptz` : db``}
    ${f.tag ? db`and exists (select 1 from result_tags t where t.run_id = k.run_id and t.tag = ${f.tag})` : db``}
    ${f.terms ? db`and ${matches(db, f.terms)}` : db``}`
}

export const ResultRow = z.object({
  run_id: z.string(),
  total: z.number(),
  rank: z.number().nullable(),
  title: z.string(),
  pii_dismissals: z.array(PiiDismissal),
  kind: BriefKind,
  channel: z.string(),
  lang: Lang,
  status: RunStatus,
  author_id: z.string(),
  author_name: z.string(),
  created_at: iso,
  approved_at: z.coerce
    .date()
    .nullable()
    .transform((d) => d?.toISOString() ?? null),
  erid: z.string().nullable(),
  draft_version: z.number(),
  policy_version: z.string().nullable(),
  prompt_id: z.string(),
  prompt_version: z.string(),
  engine: z.enum(['offline', 'openai']),
  model: z.string(),
  edited: z.boolean(),
  /** Marked ts_headline output with a query; the start of the text without. */
  excerpt: z.string(),
  rating_avg: z.number().nullable(),
  rating_count: z.number(),
  tags: z.array(z.string()),
  gates_passed: z.array(GateName),
  reviewers: z.array(z.object({ id: z.string(), name: z.string() })),
})
export type ResultRow = z.infer<typeof ResultRow>

/**
 * How many results a query considers: the newest this many matches are ranked and counted. A
 * broad query ("yoga" in a third of 100,000 results) would otherwise rank every match, reading
 * every tsvector, hundreds of milliseconds; the newest-first walk finds this many matches in a
 * few thousand rows, and a rare word is answered from the GIN index. Past it, the total says
 * "at least", as search engines do, and filters narrow the query.
 */
export const RESULT_WINDOW = 1000

/**
 * One page of results, best match first (newest first without a query), each with the number
 * of results in the window. The page is chosen first; headlines, ratings, tags and reviewers are
 * then worked out for its rows only, since ts_headline re-parses the text.
 */
export async function selectResultPage(
  db: Queryable,
  f: SearchFilter,
  page: { limit: number; offset: number; window: number },
): Promise<ResultRow[]> {
  const t = f.terms
  // ranked after the window is cut, so that only the window's tsvectors are read for it
  const rank = t ? db`ts_rank_cd(c.tsv, case c.lang when 'ru' then ${t.ru}::tsquery else ${t.en}::tsquery end, 1)` : db`null::float8`
  const rows = await db`with candidates as (
      select k.run_id as id, k.created_at, k.lang, ${t ? db`k.tsv` : db`null::tsvector as tsv`}
      from kb_search k
      where ${where(db, f)}
      order by k.created_at desc, k.run_id
      limit ${page.window}
    ), page as (
      select c.id, c.created_at, ${rank} as rank, count(*) over () as total
      from candidates c
      order by rank desc nulls last, c.created_at desc, c.id
      limit ${page.limit} offset ${page.offset}
    )
    select p.id as run_id, p.total::int as total, p.rank::float8 as rank, b.title, b.pii_dismissals, b.kind, b.channel, d.lang,
      r.status, r.author_id, u.name as author_name, r.created_at, r.approved_at, r.erid, r.draft_version, r.policy_version,
      d.prompt_id, d.prompt_version, coalesce(ai.engine, d.engine) as engine, coalesce(ai.model, d.model) as model,
      d.engine = 'human' as edited,
      ${
        t
          ? db`ts_headline(${config(db)}, translate(left(d.text, ${HEADLINE_CHARS}), ${MARK_START + MARK_STOP}, '  '), ${query(db, t)}, ${HEADLINE_OPTIONS})`
          : db`left(d.text, 600)`
      } as excerpt,
      (select avg(x.rating)::float8 from result_ratings x where x.run_id = r.id) as rating_avg,
      (select count(*)::int from result_ratings x where x.run_id = r.id) as rating_count,
      array(select x.tag from result_tags x where x.run_id = r.id order by x.tag) as tags,
      array(select g.gate from gates g where g.run_id = r.id and g.draft_version = r.draft_version
        and g.status in ('passed', 'waived') order by g.position) as gates_passed,
      coalesce((select json_agg(json_build_object('id', x.id, 'name', x.name) order by x.name)
        from (select distinct v.id, v.name from gates g join users v on v.id = g.decided_by
          where g.run_id = r.id and g.draft_version = r.draft_version and g.status in ('passed', 'waived')) x), '[]'::json) as reviewers
    from page p
    join runs r on r.id = p.id
    join briefs b on b.id = r.brief_id
    join drafts d on d.run_id = r.id and d.version = r.draft_version
    join users u on u.id = r.author_id
    left join drafts ai on ai.run_id = r.id and ai.version = d.ai_version
    order by p.rank desc nulls last, p.created_at desc, p.id`
  return z.array(ResultRow).parse(rows)
}

const CountRow = z.object({ n: z.number() })

/** The number of results in the window alone: for a page past the last result, which has no row to carry it. */
export async function countResults(db: Queryable, f: SearchFilter, window: number): Promise<number> {
  const [row] = z
    .array(CountRow)
    .parse(await db`select count(*)::int as n from (select 1 from kb_search k where ${where(db, f)} limit ${window}) x`)
  return row?.n ?? 0
}
