import type { ResultItem, ResultPage, ResultQuery } from '../../contracts/kb'
import type { UserRow } from '../auth/queries'
import { dismissedIn } from '../briefs/pii-check'
import type { Queryable } from '../db/connect'
import type { Policy } from '../policy/load'
import { Redactor } from '../policy/pii-guard'
import { seesAllWork } from '../access/visibility'
import { withFleetingVowels } from './fleeting-vowels'
import { runPolicy } from '../briefs/redact-brief'
import {
  countResults,
  forceCustomPlans,
  parseTerms,
  RESULT_WINDOW,
  selectResultPage,
  type ResultRow,
  type SearchFilter,
} from './search-queries'
import { leadSnippet, markedToRanges } from './snippet'
import { normaliseTag } from './tags'
import type { VerbArgs } from '../verb'

const DAY_MS = 86_400_000

/**
 * The results archive: full-text search in Russian and English with filters. Each draft is
 * matched in its own language (Russian queries also match fleeting-vowel forms: окна ~ окон),
 * ranked by cover density; without a query, newest first. A query considers its newest
 * RESULT_WINDOW matches (see there). Writers see approved results and their own; reviewers,
 * the CMO and admins see every result.
 */
export async function searchResults({
  ctx: { db, policy, user },
  input: { query, window = RESULT_WINDOW },
}: VerbArgs<{ query: ResultQuery; window?: number }>): Promise<ResultPage> {
  return db.begin('read only', async (tx) => {
    await forceCustomPlans(tx)
    return search(tx, policy, user, query, window)
  })
}

async function search(db: Queryable, policy: Policy, user: UserRow, query: ResultQuery, window: number): Promise<ResultPage> {
  let terms = null
  if (query.q) {
    const parsed = await parseTerms(db, query.q)
    // only stop words ("the", "и"): nothing can match
    if (!parsed.ru && !parsed.en) return { total: 0, totalExact: true, items: [] }
    terms = { ru: withFleetingVowels(parsed.ru), en: parsed.en }
  }
  const filter: SearchFilter = {
    terms,
    kind: query.kind,
    channel: query.channel,
    outcome: query.outcome,
    author: query.author,
    lang: query.lang,
    since: query.from ? `${query.from}T00:00:00.000Z` : undefined,
    until: query.to ? new Date(Date.parse(`${query.to}T00:00:00.000Z`) + DAY_MS).toISOString() : undefined,
    tag: query.tag ? normaliseTag(query.tag) : undefined,
    visibleTo: seesAllWork(policy, user) ? null : { id: user.id, roles: user.roles },
  }
  const rows = await selectResultPage(db, filter, { limit: query.limit, offset: query.offset, window })
  const total = rows[0]?.total ?? (query.offset > 0 ? await countResults(db, filter, window) : 0)
  const items: ResultItem[] = []
  for (const row of rows) items.push(toItem(row, await runPolicy(db, policy, row.policy_version), terms !== null))
  return { total, totalExact: total < window, items }
}

function toItem(r: ResultRow, policy: Policy, marked: boolean): ResultItem {
  // the title is the writer's words: redacted as the drafting step redacted it (the first field, so the same placeholders)
  const briefTitle = Redactor.forPolicy(policy).redact(r.title, dismissedIn(r.pii_dismissals, 'title'))
  return {
    runId: r.run_id,
    briefTitle,
    kind: r.kind,
    channel: r.channel,
    lang: r.lang,
    outcome: r.status,
    author: { id: r.author_id, name: r.author_name },
    createdAt: r.created_at,
    approvedAt: r.approved_at,
    erid: r.erid,
    draftVersion: r.draft_version,
    promptId: r.prompt_id,
    promptVersion: r.prompt_version,
    engine: r.engine,
    model: r.model,
    edited: r.edited,
    gatesPassed: r.gates_passed,
    reviewers: r.reviewers,
    rating: { avg: r.rating_avg, count: r.rating_count },
    tags: r.tags,
    rank: r.rank,
    ...(marked ? markedToRanges(r.excerpt) : leadSnippet(r.excerpt)),
  }
}
