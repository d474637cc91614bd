import { OFFLINE_MODEL } from '../llm/offline-provider'
import { LlmError, type LlmProvider, type Usage } from '../llm/provider'
import { render, type Prompt } from '../prompts/load'
import type { DraftingKind, DraftingTask } from './types'
import { reportProgress } from '../jobs/progress'

/** One model call of a draft as the audit log records it: what it cost and how it ended. */
export type CallRecord = { part: string | null; usage: Usage; outcome: string; error?: string }

/**
 * Runs a kind's calls one after the other through the provider (the model, or the offline
 * engine held to the same schema), then grounds the replies into the stored draft. `onCall`
 * hears of every call, also a failed one, so what was spent is always on record.
 */
export async function generateDraft<T, P, R>(
  kind: DraftingKind<T, P, R>,
  task: DraftingTask,
  provider: LlmProvider,
  prompt: Prompt,
  onCall: (call: CallRecord) => Promise<void>,
): Promise<{ output: T; engine: LlmProvider['engine']; model: string }> {
  const replies: R[] = []
  const used: Usage[] = []
  const prepared = await kind.prepare(task, { provider, onCall })
  const calls = kind.calls(task, prepared)
  for (const [i, call] of calls.entries()) {
    // a batch of transcripts is a call each: the share of them done is what a long draft shows
    reportProgress('drafting', i, calls.length)
    try {
      const { output, ...usage } = await provider.generate({
        schema: call.schema,
        schemaName: call.schemaName,
        system: render(prompt.system, call.variables),
        user: render(prompt.user, call.variables),
        temperature: prompt.temperature,
        offline: call.offline,
      })
      await onCall({ part: call.part, usage, outcome: 'ok' })
      used.push(usage)
      replies.push(output)
    } catch (err) {
      if (!(err instanceof LlmError)) throw err
      await onCall({ part: call.part, usage: err.usage, outcome: err.failure, error: err.message })
      throw call.part === null ? err : new LlmError(err.failure, `${call.part}: ${err.message}`, err.usage)
    }
  }
  reportProgress('drafting', calls.length, calls.length)
  const combined = kind.combine(replies, task, prepared)
  const output = kind.parse ? kind.parse(combined) : kind.schema.parse(combined)
  // The draft is the model's when a model answered any of its calls; the offline engine's when
  // none did (no model configured, a budget spent, or a kind that needed no call).
  const model = used.find((u) => u.engine !== 'offline')
  return model ? { output, engine: model.engine, model: model.model } : { output, engine: 'offline', model: OFFLINE_MODEL }
}
