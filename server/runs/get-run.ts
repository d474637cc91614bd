import { type BriefRisks, type Run, RunProgress } from '../../contracts/runs'
import { selectRunProgress } from '../jobs/queries'
import { assertSees, runAccess } from '../access/visibility'
import { selectBrief } from '../briefs/queries'
import { runPolicy } from '../briefs/redact-brief'
import type { Queryable } from '../db/connect'
import { refuse } from '../refusals'
import type { Policy } from '../policy/load'
import { classifyBrief } from '../briefs/classify'
import { selectClaims, selectGates, type ClaimRow, type GateRow } from '../gates/queries'
import { selectDraft, selectDraftVersions, selectDrafts, selectRun, type DraftRow, type RunRow } from './queries'
import type { VerbArgs } from '../verb'

/** The statuses in which a run's worker is at work (drafting, redrafting). */
const ACTIVE: ReadonlySet<string> = new Set(['queued', 'running', 'changes_requested'])

/** A run as this user may read it (server/access/visibility.ts): all of it, or only its approved result. */
export async function getRun({ ctx: { db, policy, user }, input: { id } }: VerbArgs<{ id: string }>): Promise<Run> {
  const run = await selectRun(db, id)
  if (!run) throw refuse('not_found.run')
  const access = await runAccess(db, policy, user, run)
  assertSees(access, 'run')
  const runsPolicy = await runPolicy(db, policy, run.policy_version)
  // someone outside the work reads the approved version only: no earlier drafts, claims or reviewers' notes
  const outside = access === 'result'
  // every version's number and note, but only the shown version's content (megabytes for an SEO plan)
  const [versions, gates, claims, briefRisks, progress] = await Promise.all([
    selectDraftVersions(db, id),
    selectGates(db, id),
    selectClaims(db, id),
    outside ? undefined : briefRisksOf(db, runsPolicy, run),
    outside ? null : selectRunProgress(db, id),
  ])
  const drafts = outside ? versions.filter((d) => d.version === run.draft_version) : versions
  const shown = drafts.at(-1)
  const latest = shown ? await selectDraft(db, id, shown.version) : undefined
  return {
    id: run.id,
    briefId: run.brief_id,
    briefTitle: run.brief_title,
    paidAd: runsPolicy.file.paid_ad_channels.includes(run.channel),
    kind: run.kind,
    authorEmail: run.author_email,
    status: run.status,
    error: outside ? null : run.error,
    // a report left by a step that has ended is not the run's state now
    progress: ACTIVE.has(run.status) ? (RunProgress.safeParse(progress).data ?? null) : null,
    draft: latest ? toDraft(latest) : null,
    drafts: drafts.map((d) => ({ version: d.version, createdAt: d.created_at, feedback: outside ? null : d.feedback, engine: d.engine })),
    gates: (outside ? gates.filter((g) => g.draft_version === run.draft_version) : gates).map((g) => ({
      ...toGate(g),
      ...(outside ? { comment: null } : {}),
    })),
    claims: outside ? [] : claims.map(toClaim),
    missingBlocksPassAt: runsPolicy.file.missing_wording.blocks_pass_at,
    ...(briefRisks ? { briefRisks } : {}),
    policyVersion: run.policy_version,
    createdAt: run.created_at,
    updatedAt: run.updated_at,
  }
}

export const toDraft = (d: DraftRow): NonNullable<Run['draft']> => ({
  ...d.body,
  version: d.version,
  lang: d.lang,
  text: d.text,
  engine: d.engine,
  model: d.model,
  promptId: d.prompt_id,
  promptVersion: d.prompt_version,
  feedback: d.feedback,
  createdAt: d.created_at,
  categories: d.categories,
  risks: d.risks,
  missing: d.missing,
  piiFindings: d.pii_findings,
  edit:
    d.edited_from === null
      ? null
      : {
          editedFrom: d.edited_from,
          aiVersion: d.ai_version!,
          editedBy: d.edited_by_email!,
          distance: d.edit_distance!,
          ratio: d.edit_ratio!,
        },
  engineNote: d.engine_note,
})

/** One version of a run's draft, e.g. to compare two versions; outside the work, only the approved one. */
export async function getDraft({ ctx: { db, policy, user }, input: { runId, version } }: VerbArgs<{ runId: string; version: number }>) {
  const run = await selectRun(db, runId)
  if (!run) throw refuse('not_found.run')
  const access = await runAccess(db, policy, user, run)
  assertSees(access, 'run')
  const [draft] = access === 'work' || version === run.draft_version ? await selectDrafts(db, runId, version) : []
  if (!draft) throw refuse('not_found.draft', { version })
  return toDraft(draft)
}

const toClaim = (c: ClaimRow): Run['claims'][number] => ({
  id: c.id,
  draftVersion: c.draft_version,
  text: c.text,
  kind: c.kind,
  start: c.start_offset,
  end: c.end_offset,
  status: c.status,
  source: c.source,
  checkedBy: c.checked_by_email,
  checkedAt: c.checked_at,
  carriedFrom:
    c.carried_from === null || c.carried_from_version === null ? null : { claimId: c.carried_from, draftVersion: c.carried_from_version },
})

// A brief is never edited once written (no verb changes one), so its reading by one policy
// version is kept: the run page polls every second while its run is drafting, and a keyword
// plan's brief takes the compute pool a while. The promise is kept, so polls share one reading.
const briefRiskCache = new Map<string, Promise<BriefRisks>>()
const BRIEF_RISK_CACHE_SIZE = 200

/** The brief's own risks by the run's policy, so legal reads them beside the draft's. */
function briefRisksOf(db: Queryable, policy: Policy, run: RunRow): Promise<BriefRisks> {
  const key = `${run.brief_id} ${policy.version}`
  const known = briefRiskCache.get(key)
  if (known) return known
  const reading = (async () => {
    const brief = await selectBrief(db, run.brief_id)
    if (!brief) throw refuse('not_found.brief')
    const c = await classifyBrief(policy, brief)
    return { categories: c.categories, risks: c.risks, missing: c.missing, sectors: c.sectors }
  })()
  if (briefRiskCache.size >= BRIEF_RISK_CACHE_SIZE) briefRiskCache.delete(briefRiskCache.keys().next().value!)
  briefRiskCache.set(key, reading)
  reading.catch(() => briefRiskCache.delete(key)) // a failed read (the database away) is tried again next time
  return reading
}

export const toGate = (g: GateRow): Run['gates'][number] => ({
  id: g.id,
  gate: g.gate,
  role: g.role,
  status: g.status,
  assignee: g.assignee_email,
  ownerNamed: g.owner_named,
  assignedBy: g.assigned_by_email,
  assignedAt: g.assigned_at,
  dueAt: g.due_at,
  draftVersion: g.draft_version,
  position: g.position,
  slaBusinessDays: g.sla_business_days,
  waivableBy: g.waivable_by,
  escalateTo: g.escalate_to,
  decidedBy: g.decided_by_email,
  decidedAt: g.decided_at,
  comment: g.comment,
})
