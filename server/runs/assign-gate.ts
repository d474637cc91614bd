import type { GateAssignee, GateAssignment } from '../../contracts/runs'
import { appendAudit } from '../audit/append'
import { findUserByEmail, type UserRow } from '../auth/queries'
import { refuse } from '../refusals'
import { gateAssigned } from '../notify/emit'
import { type RunRow, selectRun } from './queries'
import type { VerbArgs } from '../verb'
import { type GateRow, selectGate, selectOtherReviewersOfDraft, selectUsersWithRole, setGateAssignee } from '../gates/queries'

type Assign = { gateId: string; email: string | null; claim?: boolean }

/**
 * Claims a review (`claim`: for myself, only while nobody has it), or assigns it to a colleague
 * holding its role, or to nobody. Who may: someone holding the gate's role, or an admin, never
 * the author of the run. To whom: an active user holding the role, never the author and, when the
 * policy wants different people for a draft's gates, nobody who passed or holds another gate of
 * the draft. An owner the policy names (a brief's fact-check owner) stays. Run and gate locked, one
 * transaction with its audit row; the gates trigger (migration 011) checks all of it again.
 */
export async function assignGate({ ctx: { db, user }, input }: VerbArgs<Assign>): Promise<GateAssignment> {
  return db.begin(async (tx) => {
    // lock order everywhere: the run, then its gates
    const target = await selectGate(tx, input.gateId)
    if (!target) throw refuse('not_found.gate')
    const run = await selectRun(tx, target.run_id, { forUpdate: true })
    if (!run) throw refuse('not_found.run')
    const gate = await selectGate(tx, input.gateId, { forUpdate: true })
    if (!gate) throw refuse('not_found.gate')
    mayAssign(user, gate, run)
    if (gate.owner_named) {
      throw refuse('assign.owner_named', { gate: gate.gate, assignee: gate.assignee_email ?? '' })
    }
    if (gate.status !== 'pending' && gate.status !== 'open') throw refuse('assign.not_assignable', { status: gate.status })
    const email = input.claim ? user.email : input.email
    if (input.claim && gate.assignee_id && gate.assignee_id !== user.id) {
      throw refuse('assign.already_claimed', { assignee: gate.assignee_email ?? '' })
    }
    const assignee = email === null ? null : await eligibleAssignee(tx, gate, run, email)
    const unchanged = (assignee?.id ?? null) === gate.assignee_id
    if (!unchanged) {
      if (!(await setGateAssignee(tx, { gateId: gate.id, assigneeId: assignee?.id ?? null, byId: user.id }))) {
        throw refuse('assign.decided_meanwhile')
      }
      await appendAudit(tx, {
        actorId: user.id,
        action: 'gate.assigned',
        runId: run.id,
        data: {
          gateId: gate.id,
          gate: gate.gate,
          draftVersion: gate.draft_version,
          from: gate.assignee_email,
          to: assignee?.email ?? null,
          claim: input.claim === true,
        },
      })
      if (assignee && assignee.id !== user.id) {
        await gateAssigned(tx, {
          gateId: gate.id,
          assigneeId: assignee.id,
          actorId: user.id,
          runId: run.id,
          briefTitle: run.brief_title,
          kind: run.kind,
          gate: gate.gate,
          dueAt: gate.due_at,
          by: user.email,
        })
      }
    }
    return { gateId: gate.id, runId: run.id, assignee: assignee?.email ?? null }
  })
}

/** The active user behind `email`, if the gate may be handed to them; a clear refusal otherwise. */
async function eligibleAssignee(tx: Parameters<typeof selectGate>[0], gate: GateRow, run: RunRow, email: string): Promise<UserRow> {
  const assignee = await findUserByEmail(tx, email)
  if (!assignee) throw refuse('assign.no_user', { email })
  if (assignee.id === run.author_id) throw refuse('assign.author', { email })
  if (!assignee.roles.includes(gate.role)) throw refuse('assign.not_in_role', { email, role: gate.role })
  if (run.distinct_reviewers) {
    const other = (await selectOtherReviewersOfDraft(tx, { runId: run.id, draftVersion: gate.draft_version, gateId: gate.id })).find(
      (o) => o.user_id === assignee.id,
    )
    if (other) throw refuse('assign.distinct_reviewers', { email, gate: other.gate })
  }
  return assignee
}

/** Who may hand a review around: someone holding its role, or an admin; never the run's author. */
function mayAssign(user: UserRow, gate: GateRow, run: { author_id: string }) {
  if (run.author_id === user.id) throw refuse('assign.author_assigns')
  if (!user.roles.includes(gate.role) && !user.roles.includes('admin')) {
    throw refuse('assign.role_needed', { gate: gate.gate, role: gate.role })
  }
}

/** The people a review could be handed to now: its role, active, not the author, not kept off by the different-people rule. */
export async function listAssignees({ ctx: { db, user }, input }: VerbArgs<{ gateId: string }>): Promise<GateAssignee[]> {
  const gate = await selectGate(db, input.gateId)
  if (!gate) throw refuse('not_found.gate')
  const run = await selectRun(db, gate.run_id)
  if (!run) throw refuse('not_found.run')
  mayAssign(user, gate, run)
  const kept = run.distinct_reviewers
    ? new Set(
        (await selectOtherReviewersOfDraft(db, { runId: run.id, draftVersion: gate.draft_version, gateId: gate.id })).map((o) => o.user_id),
      )
    : new Set<string>()
  return (await selectUsersWithRole(db, gate.role))
    .filter((u) => u.id !== run.author_id && !kept.has(u.id))
    .map((u) => ({ email: u.email, name: u.name }))
}
