import { z } from 'zod'
import { SeoDraft } from '../../../contracts/drafts'
import { runInPool } from '../../compute/pool'
import { ClusterOptionError } from '../../seo/cluster'
import { AppError } from '../../errors'
import { redraftNote } from '../redraft'
import { LlmError } from '../../llm/provider'
import type { DraftingTask, KindModule, PrepareContext } from '../types'
import { seoCsv, seoXlsx } from '../../seo/export'
import { reviseSeo } from '../../seo/revise'
import { seoText } from './text'
import { inputsOf } from '../../briefs/kind-inputs'
import { forwardProgress } from '../../jobs/progress'

const Names = z.object({ names: z.array(z.object({ cluster: z.number().int().min(0), name: z.string().min(1).max(120) })) })
type Names = z.infer<typeof Names>
/** The largest clusters get a model's name; the rest keep their pillar keyword (the prompt stays small). */
const MAX_NAMED = 100
/** What `combine` may change in the pool's validated plan: cluster names. */
const Labels = z.array(SeoDraft.shape.clusters.element.shape.label)

/**
 * The export clustered, in a compute thread (server/compute): parsing and clustering a long
 * export is seconds to minutes of CPU that would otherwise stall every API request. In the
 * semantic mode the keywords' embeddings come first, from the model's embeddings endpoint (one
 * audited call); without one the mode is refused, never faked.
 */
async function cluster(task: DraftingTask, { provider, onCall }: PrepareContext): Promise<SeoDraft> {
  const inputs = inputsOf('seo_clusters', task.brief)
  const plan = { csv: inputs.keywordsCsv, mode: inputs.mode, threshold: inputs.threshold, importProblems: inputs.importProblems }
  // the thread's reports reach whoever listens here (the worker: the run page)
  const onProgress = forwardProgress()
  try {
    if (inputs.mode !== 'semantic') return await runInPool('seo.plan', plan, { onProgress })
    const keywords = await runInPool('seo.keywords', { csv: inputs.keywordsCsv })
    if (!provider.embed)
      throw new ClusterOptionError(
        'semantic mode needs a model with an embeddings endpoint (OPENAI_API_KEY); this server runs the offline engine, so use lexical',
      )
    let vectors: Float32Array[]
    try {
      const { vectors: got, ...usage } = await provider.embed(keywords)
      await onCall({ part: 'embeddings', usage, outcome: 'ok' })
      vectors = got
    } catch (err) {
      if (err instanceof LlmError) await onCall({ part: 'embeddings', usage: err.usage, outcome: err.failure, error: err.message })
      throw err
    }
    return await runInPool('seo.plan', { ...plan, vectors }, { transfer: ownBuffers(vectors), onProgress })
  } catch (err) {
    if (err instanceof ClusterOptionError) throw new AppError('bad_request', err.message)
    throw err
  }
}

/**
 * Embeddings are moved to the thread, not copied (50,000 of them are ~300 MB and nothing here
 * reads them again), when each owns its whole buffer: moving a buffer others view would break them.
 */
function ownBuffers(vectors: Float32Array[]): ArrayBuffer[] {
  const owned = vectors.every((v) => v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength)
  return owned ? [...new Set(vectors.map((v) => v.buffer as ArrayBuffer))] : []
}

/**
 * SEO clusters: the clustering and the content plan are algorithms (server/seo); the one model
 * call, when a model is configured, only proposes a readable name for each cluster from its
 * keywords. A name for a cluster that does not exist is a validation error.
 */
export const seoKind: KindModule<'seo_clusters', SeoDraft, Names> = {
  promptId: 'seo-clusters',
  schema: SeoDraft,
  prepare: cluster,
  calls(task, c) {
    const named = c.clusters.slice(0, MAX_NAMED)
    if (named.length === 0) return []
    const schema = Names.superRefine((r, ctx) => {
      r.names.forEach(
        (n, i) =>
          n.cluster >= named.length &&
          ctx.addIssue({ code: 'custom', path: ['names', i, 'cluster'], message: `there are clusters 0 to ${named.length - 1}` }),
      )
    })
    return [
      {
        part: null,
        schemaName: 'ClusterNames',
        schema,
        variables: {
          audience: task.brief.audience,
          task: task.brief.task,
          clusters: named.map((x, i) => `${i}. ${x.keywords.slice(0, 12).join('; ')}`).join('\n'),
          feedback: redraftNote({ ...task, previous: null }),
        },
        offline: (): Names => ({ names: named.map((x, i) => ({ cluster: i, name: x.pillar })) }),
      },
    ]
  },
  combine(replies, _task, c) {
    const names = new Map((replies[0]?.names ?? []).map((n) => [n.cluster, n.name.trim()]))
    return {
      mode: c.mode,
      threshold: c.threshold,
      unclustered: c.unclustered,
      frequencies: c.frequencies,
      problems: c.problems,
      clusters: c.clusters.map((x, i) => ({ ...x, label: names.get(i) || x.label })),
    }
  },
  // The plan was validated against SeoDraft in the pool; only the names are new since.
  parse(combined) {
    Labels.parse(combined.clusters.map((c) => c.label))
    return combined
  },
  toText: seoText,
  // keywords moved between clusters; the text follows from the plan
  revise: reviseSeo,
  async exportFile(plan, format, lang) {
    const stem = 'content-plan'
    if (format === 'xlsx') return { stem, extension: 'xlsx', contentType: XLSX_TYPE, body: await seoXlsx(plan, lang) }
    // with a BOM, so Excel opens the Cyrillic right
    return { stem, extension: 'csv', contentType: 'text/csv; charset=utf-8', body: `\ufeff${seoCsv(plan, lang)}` }
  },
  // the rows the old upload skipped belong to that upload
  reuseInputs: ({ importProblems: _stale, ...inputs }) => inputs,
}
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
