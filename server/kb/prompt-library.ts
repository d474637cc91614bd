import type { PromptCompare, PromptFamily, PromptStats, PromptVersionDetail, PromptVersionSummary } from '../../contracts/kb'
import type { Queryable } from '../db/connect'
import { refuse } from '../refusals'
import { lineDiff } from './prompt-diff'
import type { Ctx, VerbArgs } from '../verb'
import { selectPromptBody, selectPromptStats, selectPromptVersions, type PromptStatsRow, type PromptVersionRow } from './prompt-queries'

type Family = { id: string; lang: string }

const NO_RUNS: PromptStatsRow = {
  prompt_id: '',
  prompt_version: '',
  runs: 0,
  approved: 0,
  rejected: 0,
  approved_first: 0,
  mean_edit_ratio: null,
  mean_cost: null,
  costed_runs: 0,
}

function toStats(s: PromptStatsRow): PromptStats {
  const decided = s.approved + s.rejected
  return {
    runs: s.runs,
    approved: s.approved,
    rejected: s.rejected,
    // runs still in review have no outcome yet: they are left out rather than counted as failures
    approvalRate: decided ? s.approved / decided : null,
    approvedWithoutRework: s.approved_first,
    approvedWithoutReworkRate: s.approved ? s.approved_first / s.approved : null,
    meanEditRatio: s.mean_edit_ratio,
    meanCostUsd: s.mean_cost,
    costedRuns: s.costed_runs,
  }
}

/** Oldest first: by first appearance, then the declared version number (`3.ab12cd34` -> 3). */
function inOrder(rows: PromptVersionRow[]): PromptVersionRow[] {
  const declared = (v: string) => Number.parseInt(v, 10) || 0
  return [...rows].sort(
    (a, b) =>
      a.first_seen_at.localeCompare(b.first_seen_at) || declared(a.version) - declared(b.version) || a.version.localeCompare(b.version),
  )
}

function summary(v: PromptVersionRow, stats: Map<string, PromptStatsRow>): PromptVersionSummary {
  return {
    version: v.version,
    hash: v.hash,
    owner: v.meta.owner,
    changelog: v.meta.changelog,
    firstSeenAt: v.first_seen_at,
    stats: toStats(stats.get(`${v.id}\u0000${v.version}`) ?? NO_RUNS),
  }
}

async function loadFamily(db: Queryable, family?: Family) {
  const [versions, stats] = await Promise.all([selectPromptVersions(db, family), selectPromptStats(db, family)])
  return { versions: inOrder(versions), stats: new Map(stats.map((s) => [`${s.prompt_id}\u0000${s.prompt_version}`, s])) }
}

/** Every prompt (id and language) with every version it ever had, and each version's record. */
export async function listPrompts({ ctx: { db } }: { ctx: Ctx }): Promise<PromptFamily[]> {
  const { versions, stats } = await loadFamily(db)
  const families = new Map<string, PromptFamily>()
  for (const v of versions) {
    const key = `${v.id}/${v.lang}`
    if (!families.has(key)) families.set(key, { id: v.id, lang: v.lang, kind: v.kind, versions: [] })
    families.get(key)!.versions.push(summary(v, stats))
  }
  return [...families.values()].sort((a, b) => a.id.localeCompare(b.id) || a.lang.localeCompare(b.lang))
}

async function detail(db: Queryable, v: PromptVersionRow, stats: Map<string, PromptStatsRow>) {
  const body = await selectPromptBody(db, v.id, v.version)
  if (body === undefined) throw refuse('not_found.prompt_body', { version: v.version })
  return {
    ...summary(v, stats),
    id: v.id,
    lang: v.lang,
    kind: v.kind,
    schema: v.meta.schema ?? null,
    temperature: v.meta.temperature ?? null,
    body,
  }
}

/** One version: its body, its record, and what changed since the version before it. */
export async function getPromptVersion({
  ctx: { db },
  input: { family, version },
}: VerbArgs<{ family: Family; version: string }>): Promise<PromptVersionDetail> {
  const { versions, stats } = await loadFamily(db, family)
  const i = versions.findIndex((v) => v.version === version)
  if (i < 0) throw refuse('not_found.prompt_version', { id: family.id, lang: family.lang, version })
  const current = await detail(db, versions[i]!, stats)
  const before = versions[i - 1]
  const previousBody = before ? await selectPromptBody(db, before.id, before.version) : undefined
  return { ...current, previous: before?.version ?? null, diff: previousBody === undefined ? [] : lineDiff(previousBody, current.body) }
}

/** Two versions side by side, and the diff from `a` to `b`. */
export async function comparePrompts({
  ctx: { db },
  input: { family, a, b },
}: VerbArgs<{ family: Family; a: string; b: string }>): Promise<PromptCompare> {
  const { versions, stats } = await loadFamily(db, family)
  const find = (version: string) => {
    const v = versions.find((x) => x.version === version)
    if (!v) throw refuse('not_found.prompt_version', { id: family.id, lang: family.lang, version })
    return v
  }
  const [left, right] = await Promise.all([detail(db, find(a), stats), detail(db, find(b), stats)])
  return { id: family.id, lang: left.lang, a: left, b: right, diff: lineDiff(left.body, right.body) }
}
