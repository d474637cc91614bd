import { z } from 'zod'
import { SeoInputs } from '../../../contracts/briefs'
import { SeoDraft } from '../../../contracts/drafts'
import { checkSemantic, clusterKeywords, ClusterOptionError, type Clustering } from '../../seo/cluster'
import { importText } from '../../seo/import'
import { AppError } from '../../errors'
import { redraftNote } from '../redraft'
import { LlmError } from '../../llm/provider'
import type { DraftingKind, DraftingTask, PrepareContext } from '../types'
import { seoText } from './text'

const Names = z.object({ names: z.array(z.object({ cluster: z.number().int().min(0), name: z.string().min(1).max(120) })) })
type Names = z.infer<typeof Names>
/** The largest clusters get a model's name; the rest keep their pillar keyword (the prompt stays small). */
const MAX_NAMED = 100
type Clustered = Clustering & Pick<SeoDraft, 'frequencies' | 'problems'>

/**
 * The export clustered. In the semantic mode the keywords' embeddings come first, from the model's
 * embeddings endpoint (one audited call); without one the mode is refused, never faked.
 */
async function cluster(task: DraftingTask, { provider, onCall }: PrepareContext): Promise<Clustered> {
  const inputs = SeoInputs.parse(task.brief.inputs)
  const imported = importText(inputs.keywordsCsv)
  if (imported.rows.length === 0) throw new AppError('bad_request', `the keyword export has no usable rows (${imported.problems.length} reported)`)
  try {
    let vectors: Float32Array[] | undefined
    if (inputs.mode === 'semantic') {
      checkSemantic(imported.rows)
      if (!provider.embed) throw new ClusterOptionError('semantic mode needs a model with an embeddings endpoint (OPENAI_API_KEY); this server runs the offline engine, so use lexical')
      try {
        const { vectors: got, ...usage } = await provider.embed(imported.rows.map((r) => r.keyword))
        await onCall({ part: 'embeddings', usage, outcome: 'ok' })
        vectors = got
      } catch (err) {
        if (err instanceof LlmError) await onCall({ part: 'embeddings', usage: err.usage, outcome: err.failure, error: err.message })
        throw err
      }
    }
    const result = clusterKeywords(imported.rows, { mode: inputs.mode, threshold: inputs.threshold, vectors })
    // rows skipped in the uploaded file come first, by its own line numbers
    const problems = [...(inputs.importProblems ?? []), ...imported.problems]
    return { ...result, frequencies: Object.fromEntries(imported.rows.map((r) => [r.keyword, r.frequency])), problems }
  } catch (err) {
    if (err instanceof ClusterOptionError) throw new AppError('bad_request', err.message)
    throw err
  }
}

/**
 * SEO clusters: the clustering and the content plan are algorithms (server/seo); the one model
 * call, when a model is configured, only proposes a readable name for each cluster from its
 * keywords. A name for a cluster that does not exist is a validation error.
 */
export const seoKind: DraftingKind<SeoDraft, Clustered> = {
  promptId: 'seo-clusters',
  schema: SeoDraft,
  prepare: cluster,
  calls(task, c) {
    const named = c.clusters.slice(0, MAX_NAMED)
    if (named.length === 0) return []
    const schema = Names.superRefine((r, ctx) => {
      r.names.forEach((n, i) => n.cluster >= named.length && ctx.addIssue({ code: 'custom', path: ['names', i, 'cluster'], message: `there are clusters 0 to ${named.length - 1}` }))
    })
    return [{
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
    }]
  },
  combine(replies, _task, c) {
    const names = new Map(((replies[0] as Names | undefined)?.names ?? []).map((n) => [n.cluster, n.name.trim()]))
    return {
      mode: c.mode, threshold: c.threshold, unclustered: c.unclustered, frequencies: c.frequencies, problems: c.problems,
      clusters: c.clusters.map((x, i) => ({ ...x, label: names.get(i) || x.label })),
    }
  },
  toText: seoText,
}
