import { Annotation, Command, END, START, StateGraph, interrupt } from '@langchain/langgraph'
import type { BaseCheckpointSaver } from '@langchain/langgraph-checkpoint'
import { z } from 'zod'
import { Decision } from '../../contracts/runs'
import { createGates } from './create-gates'
import { approveRun } from './approve-run'
import type { RunDeps } from './deps'
import { draftRun } from './draft-run'

const last = <T>(initial: T) => Annotation<T>({ reducer: (_, next) => next, default: () => initial })

export const RunState = Annotation.Root({
  runId: last(''),
  /** The draft version the gates are judging. */
  version: last(0),
  /** A reviewer's comment that sends the run back to drafting. */
  feedback: last<string | null>(null),
  gateIds: last<string[]>([]),
  gateIndex: last(0),
  outcome: last<'approved' | 'rejected' | null>(null),
  /** The writer edited the draft under review: its new version needs gates of its own. */
  replan: last(false),
})
export type RunStateValue = typeof RunState.State

/** What the worker hands back to `interrupt()`: a reviewer's decision, or the author's edit (a new draft `version`). */
export const GateResume = z.union([
  z.object({ gateId: z.string(), decision: Decision, comment: z.string() }),
  z.object({ gateId: z.string(), decision: z.literal('edited'), comment: z.string(), version: z.number().int().min(1) }),
])
export type GateResume = z.infer<typeof GateResume>
export const GateInterrupt = z.object({ gateId: z.string() })

/**
 * brief -> draft -> gates, each a durable interrupt -> release; an edit by the author re-plans
 * the gates of its new version. The graph only orchestrates:
 * every node calls a verb, and the verbs and the database decide what is allowed.
 * On resume LangGraph re-runs the gate node from the top, so code before interrupt() must be
 * idempotent; here it only reads the state.
 */
export function buildRunGraph(deps: RunDeps, checkpointer: BaseCheckpointSaver) {
  return new StateGraph(RunState)
    .addNode('draft', async (s) => {
      const version = s.version + 1
      await draftRun(deps, { runId: s.runId, version, feedback: s.feedback })
      return { version, feedback: null }
    })
    .addNode('plan_gates', async (s) => {
      const gateIds = await createGates(deps, { runId: s.runId, version: s.version })
      return { gateIds, gateIndex: 0, replan: false }
    })
    .addNode('await_gate', (s) => {
      const gateId = s.gateIds[s.gateIndex]
      if (!gateId) throw new Error(`run ${s.runId} has no gate at position ${s.gateIndex}`)
      const resume = GateResume.parse(interrupt({ gateId }))
      if (resume.gateId !== gateId) throw new Error(`decision for gate ${resume.gateId} while waiting at ${gateId}`)
      if (resume.decision === 'pass') return { gateIndex: s.gateIndex + 1 }
      if (resume.decision === 'edited') return { version: resume.version, replan: true }
      if (resume.decision === 'request_changes') return { feedback: resume.comment }
      return { outcome: 'rejected' as const }
    })
    .addNode('release', async (s) => {
      await approveRun(deps.sql, { runId: s.runId, version: s.version }, deps.handoff?.destinations)
      return { outcome: 'approved' as const }
    })
    .addEdge(START, 'draft')
    .addEdge('draft', 'plan_gates')
    .addEdge('plan_gates', 'await_gate')
    .addConditionalEdges(
      'await_gate',
      (s) =>
        s.outcome === 'rejected'
          ? END
          : s.feedback !== null
            ? 'draft'
            : s.replan
              ? 'plan_gates'
              : s.gateIndex < s.gateIds.length
                ? 'await_gate'
                : 'release',
      ['draft', 'plan_gates', 'await_gate', 'release', END],
    )
    .addEdge('release', END)
    .compile({ checkpointer })
}

export type RunGraph = ReturnType<typeof buildRunGraph>
export { Command }
