import type { DecisionRequest } from '../../contracts/runs'
import { appendAudit } from '../audit/append'
import { refuse } from '../refusals'
import { enqueueJob } from '../jobs/queries'
import { type RunRow, selectRun, setRunStatus } from './queries'
import { policyByVersion } from '../policy/store'
import type { Tx } from '../db/connect'
import type { VerbArgs } from '../verb'
import { countUnverifiedClaims } from '../gates/claim-queries'
import { missingWordingWaiver } from './missing-wording'
import { toAuthor } from '../notify/emit'
import {
  insertGateDecision,
  releaseOtherClaims,
  selectDraftPiiFindings,
  selectGate,
  selectGatePassedBy,
  setGateDecision,
  setRunRejected,
  supersedePendingGates,
} from '../gates/queries'

const GATE_STATUS = { pass: 'passed', request_changes: 'changes_requested', reject: 'rejected', waive: 'waived' } as const

/**
 * A reviewer's decision on an open gate. Authorisation first: never the author, whatever roles
 * they hold; the gate's role and its assignee (a waiver: one of the roles the policy lets waive
 * it); different people across gates when the policy says so. A pass also needs a draft free
 * of personal data, for fact_check every claim verified, and at the gates the run's policy
 * names (missing_wording.blocks_pass_at) the mandatory wording or a reason to pass without it.
 * Then, in one transaction: the gate, the decision history, the run's status, the job that
 * resumes the graph, the audit row. Authorisation reads the locked run and gate, so it runs
 * inside that transaction, before any write.
 * The gates trigger re-checks all of it inside the database.
 */
export async function decideGate({ ctx: { db, user }, input }: VerbArgs<DecisionRequest & { gateId: string }>) {
  const { gateId } = input
  return db.begin(async (tx) => {
    // Lock order everywhere: the run, then its gates (an author's edit locks the run first too;
    // the other order deadlocked an edit racing a decision on PostgreSQL).
    const target = await selectGate(tx, gateId)
    if (!target) throw refuse('not_found.gate')
    const run = await selectRun(tx, target.run_id, { forUpdate: true })
    if (!run) throw refuse('not_found.run')
    const gate = await selectGate(tx, gateId, { forUpdate: true })
    if (!gate) throw refuse('not_found.gate')
    if (run.author_id === user.id) throw refuse('gate.author_decides')
    if (input.decision === 'waive') {
      if (!gate.waivable_by.some((r) => user.roles.includes(r))) {
        throw gate.waivable_by.length
          ? refuse('gate.waive_roles', { gate: gate.gate, roles: gate.waivable_by.join(', ') })
          : refuse('gate.not_waivable', { gate: gate.gate })
      }
    } else {
      if (!user.roles.includes(gate.role)) throw refuse('gate.role_needed', { gate: gate.gate, role: gate.role })
      if (gate.assignee_id && gate.assignee_id !== user.id) {
        throw refuse('gate.assigned_to_other', { gate: gate.gate, assignee: gate.assignee_email ?? '' })
      }
    }
    if (gate.status !== 'open') throw refuse('gate.not_open', { status: gate.status })

    const draft = { runId: run.id, version: gate.draft_version }
    if (input.decision === 'pass' || input.decision === 'waive') {
      if (run.distinct_reviewers) {
        const mine = await selectGatePassedBy(tx, { runId: run.id, draftVersion: gate.draft_version, gateId, userId: user.id })
        if (mine) throw refuse('gate.distinct_reviewers', { gate: mine })
      }
      if (((await selectDraftPiiFindings(tx, draft)) ?? 0) > 0) {
        throw refuse('gate.personal_data')
      }
      if (gate.gate === 'fact_check' && input.decision === 'pass') {
        const open = await countUnverifiedClaims(tx, draft)
        if (open > 0) throw refuse('gate.claims_unverified', { count: open })
      }
    }

    // Mandatory wording the draft lacks holds a pass back where the run's policy says so, unless waived with a reason.
    const waived = input.decision === 'pass' ? await missingWordingWaiver(tx, { run, gate, reason: input.waiveMissing }) : null
    // a paid ad is released with the erid its team got from the ad-data operator (the database checks it again at approval)
    const erid = gate.gate === 'release' && input.decision === 'pass' ? (input.erid ?? null) : null
    if (gate.gate === 'release' && input.decision === 'pass' && !erid && (await isPaidAd(tx, run))) throw refuse('release.erid_required')

    await setGateDecision(tx, { gateId, status: GATE_STATUS[input.decision], userId: user.id, comment: input.comment || null })
    await insertGateDecision(tx, {
      gateId,
      runId: run.id,
      userId: user.id,
      decision: input.decision,
      comment: input.comment,
      policyVersion: run.policy_version,
      missingWaived: waived ? waived.requirements : null,
      missingWaiverReason: waived?.reason ?? null,
      erid,
    })
    if (run.distinct_reviewers && (input.decision === 'pass' || input.decision === 'waive')) {
      // one person per gate of the draft: what else the decider had claimed goes back to its queue
      const released = await releaseOtherClaims(tx, { runId: run.id, draftVersion: gate.draft_version, gateId, userId: user.id })
      if (released.length)
        await appendAudit(tx, {
          actorId: user.id,
          action: 'gate.assigned',
          runId: run.id,
          data: { released, reason: 'decided another gate of the draft' },
        })
    }
    if (input.decision === 'request_changes' || input.decision === 'reject') {
      // The draft is going back (or out): its later gates will never be worked.
      await supersedePendingGates(tx, draft)
    }
    if (input.decision === 'request_changes' || input.decision === 'reject') {
      // the author learns the draft came back, or the run ended, and why
      await toAuthor(tx, {
        type: input.decision === 'reject' ? 'run.rejected' : 'changes.requested',
        gateId,
        runId: run.id,
        authorId: run.author_id,
        actorId: user.id,
        briefTitle: run.brief_title,
        kind: run.kind,
        gate: gate.gate,
        by: user.email,
        comment: input.comment,
      })
    }
    if (input.decision === 'reject') {
      await setRunRejected(tx, run.id)
      await appendAudit(tx, { actorId: user.id, action: 'run.rejected', runId: run.id, data: { gateId, gate: gate.gate } })
    } else {
      await setRunStatus(tx, run.id, input.decision === 'request_changes' ? 'changes_requested' : 'queued')
    }
    // The graph only knows pass / request changes / reject: a waiver moves it on like a pass.
    const resume = input.decision === 'waive' ? 'pass' : input.decision
    await enqueueJob(tx, run.id, 'resume', { gateId, decision: resume, comment: input.comment })
    const waitedMs = gate.opened_at ? Date.now() - Date.parse(gate.opened_at) : null
    await appendAudit(tx, {
      actorId: user.id,
      action: input.decision === 'waive' ? 'gate.waived' : 'gate.decision',
      runId: run.id,
      data: {
        gateId,
        gate: gate.gate,
        decision: input.decision,
        draftVersion: gate.draft_version,
        waitedMs,
        hasComment: input.comment.length > 0,
        policyVersion: run.policy_version,
        ...(input.decision === 'waive' ? { reason: input.comment } : {}),
        ...(waived ? { missingWaived: waived.requirements, reason: waived.reason } : {}),
      },
    })
    return { runId: run.id }
  })
}

/** Whether the run's brief is for one of its policy's paid-ad channels (38-FZ art. 18.1: an erid is due). */
async function isPaidAd(db: Tx, run: RunRow): Promise<boolean> {
  if (!run.policy_version) return false
  return (await policyByVersion(db, run.policy_version)).file.paid_ad_channels.includes(run.channel)
}
