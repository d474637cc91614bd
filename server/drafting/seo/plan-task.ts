// The SEO kind's CPU work, as compute-pool tasks (server/pool-tasks.ts): the brief's CSV
// parsed and clustered into a content plan in a worker thread, so a 100,000-keyword plan
// (tens of seconds of CPU) never blocks the API. Pure: no database, no provider, no clock.
import type { SeoImportProblem } from '../../../contracts/briefs'
import { SeoDraft } from '../../../contracts/drafts'
import { refuse } from '../../refusals'
import { checkSemantic, clusterKeywords, type ClusterMode } from '../../seo/cluster'
import { importText, type Imported } from '../../seo/import'
import type { TaskProgress } from '../../compute/registry'

export type SeoPlanInput = {
  csv: string
  mode?: ClusterMode
  threshold?: number
  /** Rows the upload skipped, by the uploaded file's lines: they come first in `problems`. */
  importProblems?: SeoImportProblem[]
  /** Semantic: each usable row's embedding, in row order (from seoKeywords). */
  vectors?: Float32Array[]
}

function usableRows(csv: string): Imported {
  const imported = importText(csv)
  if (imported.rows.length === 0) throw refuse('seo.no_usable_rows', { count: imported.problems.length })
  return imported
}

/** The keywords to embed for the semantic mode, after its size limit is checked (nothing paid yet). */
export function seoKeywords({ csv }: { csv: string }): string[] {
  const { rows } = usableRows(csv)
  checkSemantic(rows)
  return rows.map((r) => r.keyword)
}

/**
 * The clustered plan as a draft with each cluster named by its pillar keyword, validated here
 * against the draft's schema so the main thread need not walk it again (the kind's `parse`
 * checks only the names a model changed).
 */
export function seoPlan({ csv, mode, threshold, importProblems, vectors }: SeoPlanInput, progress?: TaskProgress): SeoDraft {
  progress?.({ stage: 'reading', done: 0, total: 0 })
  const imported = usableRows(csv)
  const onProgress = progress && ((stage: string, done = 0, total = 0) => progress({ stage, done, total }))
  const result = clusterKeywords(imported.rows, { mode, threshold, vectors, onProgress })
  // rows skipped in the uploaded file come first, by its own line numbers
  const problems = [...(importProblems ?? []), ...imported.problems]
  return SeoDraft.parse({ ...result, frequencies: Object.fromEntries(imported.rows.map((r) => [r.keyword, r.frequency])), problems })
}
