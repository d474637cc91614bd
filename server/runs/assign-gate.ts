import type { GateAssignee, GateAssignment } from '../../contracts/runs'
import { appendAudit } from '../audit/append'
import { findUserByEmail, type UserRow } from '../auth/queries'
import { AppError, conflict, forbidden, notFound } from '../errors'
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
    if (!target) throw notFound('gate')
    const run = await selectRun(tx, target.run_id, { forUpdate: true })
    if (!run) throw notFound('run')
    const gate = await selectGate(tx, input.gateId, { forUpdate: true })
    if (!gate) throw notFound('gate')
    mayAssign(user, gate, run)
    if (gate.owner_named) {
      throw conflict(`the policy names the owner of this ${gate.gate} gate (${gate.assignee_email}); it cannot be reassigned`)
    }
    if (gate.status !== 'pending' && gate.status !== 'open')
      throw conflict(`this gate is ${gate.status}: only a review still to come is assigned`)
    const email = input.claim ? user.email : input.email
    if (input.claim && gate.assignee_id && gate.assignee_id !== user.id) {
      throw conflict(`${gate.assignee_email} has already claimed this review; reassign it instead`)
    }
    const assignee = email === null ? null : await eligibleAssignee(tx, gate, run, email)
    const unchanged = (assignee?.id ?? null) === gate.assignee_id
    if (!unchanged) {
      if (!(await setGateAssignee(tx, { gateId: gate.id, assigneeId: assignee?.id ?? null, byId: user.id }))) {
        throw conflict('this gate was decided meanwhile')
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
  if (!assignee) throw new AppError('unprocessable', `no active user ${email}`)
  if (assignee.id === run.author_id) throw new AppError('unprocessable', `${email} wrote this brief and cannot review it`)
  if (!assignee.roles.includes(gate.role)) throw new AppError('unprocessable', `${email} does not hold the ${gate.role} role`)
  if (run.distinct_reviewers) {
    const other = (await selectOtherReviewersOfDraft(tx, { runId: run.id, draftVersion: gate.draft_version, gateId: gate.id })).find(
      (o) => o.user_id === assignee.id,
    )
    if (other) throw conflict(`the policy requires different people for each gate: ${email} already has ${other.gate} on this draft`)
  }
  return assignee
}

/** Who may hand a review around: someone holding its role, or an admin; never the run's author. */
function mayAssign(user: UserRow, gate: GateRow, run: { author_id: string }) {
  if (run.author_id === user.id) throw forbidden('the author of a brief cannot assign the reviews of its runs')
  if (!user.roles.includes(gate.role) && !user.roles.includes('admin')) {
    throw forbidden(`the ${gate.gate} gate is assigned by someone holding the ${gate.role} role`)
  }
}

/** The people a review could be handed to now: its role, active, not the author, not kept off by the different-people rule. */
export async function listAssignees({ ctx: { db, user }, input }: VerbArgs<{ gateId: string }>): Promise<GateAssignee[]> {
  const gate = await selectGate(db, input.gateId)
  if (!gate) throw notFound('gate')
  const run = await selectRun(db, gate.run_id)
  if (!run) throw notFound('run')
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
