// Keywords to topic clusters and a content plan: by their search results when the rows carry
// them (serp-weighted by default), by words otherwise (lexical), or by meaning when the caller
// brings the keywords' embeddings (semantic).
import { SEO_MODES, URL_COUNT_MODES } from '../../contracts/briefs'
import { clusterIntent, type Intent } from './intent'
import { clusterLexically, PROGRESS_EVERY } from './lexical'
import { contentPlan, type ContentPlan } from './plan'
import { clusterSemantically, SEMANTIC_MAX_KEYWORDS } from './semantic'
import { clusterBySerp, type Grouping, type SerpMode } from './serp'
import { clusterBySerpSimilarity } from './serp-weighted'
import { normalizeUrl } from './urls'
import { revivable } from '../compute/errors'

export type ClusterMode = (typeof SEO_MODES)[number]
export const CLUSTER_MODES: readonly ClusterMode[] = SEO_MODES
export type KeywordRow = { keyword: string; frequency: number | null; urls: string[] }
export type Cluster = { label: string; pillar: string; keywords: string[]; frequency: number; intent: Intent; plan: ContentPlan }
export type Clustering = { mode: ClusterMode; threshold: number; clusters: Cluster[]; unclustered: string[] }

/**
 * serp-soft, -moderate, -hard: shared top-10 URLs (1-10, default 3). serp-weighted, lexical and
 * semantic: average cosine similarity (0-1). serp-weighted's 0.1 scores best on the outside
 * development set and the team's fixtures alike (bench/seo-eval-dev.ts).
 */
export const DEFAULT_THRESHOLD: Record<ClusterMode, number> = {
  'serp-weighted': 0.1,
  'serp-soft': 3,
  'serp-moderate': 3,
  'serp-hard': 3,
  lexical: 0.2,
  semantic: 0.5,
}
/** How far the clustering is: keywords compared, then grouped, then clusters planned. */
export type ClusterProgress = (stage: 'clustering' | 'grouping' | 'planning', done?: number, total?: number) => void

export type ClusterOptions = {
  mode?: ClusterMode
  threshold?: number /** semantic: each row's embedding, in row order */
  vectors?: ArrayLike<number>[]
  onProgress?: ClusterProgress
}

export class ClusterOptionError extends Error {}
revivable('ClusterOptionError', (message) => new ClusterOptionError(message))

/** serp-weighted when most rows carry result URLs, lexical otherwise. */
export const defaultMode = (rows: KeywordRow[]): ClusterMode =>
  rows.filter((r) => r.urls.length > 0).length * 2 >= rows.length && rows.length > 0 ? 'serp-weighted' : 'lexical'

const countsUrls = (mode: ClusterMode): mode is SerpMode => (URL_COUNT_MODES as readonly string[]).includes(mode)

export function clusterKeywords(rows: KeywordRow[], opts: ClusterOptions = {}): Clustering {
  const mode = opts.mode ?? defaultMode(rows)
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD[mode]
  const progress: ClusterProgress = opts.onProgress ?? (() => {})
  progress('clustering', 0, rows.length)
  let grouping: Grouping
  if (mode === 'lexical' || mode === 'semantic') {
    if (!(threshold > 0 && threshold <= 1))
      throw new ClusterOptionError(`${mode} threshold is a similarity between 0 and 1, not ${threshold}`)
    if (mode === 'lexical')
      grouping = clusterLexically(
        rows.map((r) => r.keyword),
        // every keyword compared: what is left is the grouping, which has no count to give
        { threshold, onCompared: (done) => (done < rows.length ? progress('clustering', done, rows.length) : progress('grouping')) },
      )
    else {
      checkSemantic(rows)
      if (opts.vectors?.length !== rows.length) throw new ClusterOptionError('semantic mode needs the embedding of every keyword')
      grouping = clusterSemantically(opts.vectors, { threshold })
    }
  } else {
    if (countsUrls(mode) && !(Number.isInteger(threshold) && threshold >= 1 && threshold <= 10))
      throw new ClusterOptionError(`${mode} threshold is a number of shared top-10 URLs, 1 to 10, not ${threshold}`)
    if (!countsUrls(mode) && !(threshold > 0 && threshold <= 1))
      throw new ClusterOptionError(`${mode} threshold is a similarity between 0 and 1, not ${threshold}`)
    if (!rows.some((r) => r.urls.length > 0)) throw new ClusterOptionError(`${mode} needs result URLs in the file; use --mode lexical`)
    const items = rows.map((r) => ({
      keyword: r.keyword,
      frequency: r.frequency ?? 0,
      urls: r.urls
        .map(normalizeUrl)
        .filter((u): u is string => u !== null)
        .slice(0, 10),
    }))
    grouping = countsUrls(mode) ? clusterBySerp(items, mode, threshold) : clusterBySerpSimilarity(items, threshold)
  }
  const freq = (i: number) => rows[i]!.frequency ?? 0
  const groups = grouping.groups.length
  progress('planning', 0, groups)
  const clusters = grouping.groups.map((g, n) => {
    if (n > 0 && n % PROGRESS_EVERY === 0) progress('planning', n, groups)
    const members = g.map((i) => ({ keyword: rows[i]!.keyword, frequency: freq(i) }))
    const plan = contentPlan(members)
    return {
      label: plan.pillar,
      pillar: plan.pillar,
      keywords: plan.pillar ? [plan.pillar, ...members.map((m) => m.keyword).filter((k) => k !== plan.pillar)] : [],
      frequency: members.reduce((n, m) => n + m.frequency, 0),
      intent: clusterIntent(members),
      plan,
    }
  })
  clusters.sort((a, b) => b.frequency - a.frequency || b.keywords.length - a.keywords.length || a.label.localeCompare(b.label))
  const unclustered = grouping.unclustered.sort((a, b) => freq(b) - freq(a) || a - b).map((i) => rows[i]!.keyword)
  return { mode, threshold, clusters, unclustered }
}

/** The semantic mode's own limit, checked before any embedding is paid for. */
export function checkSemantic(rows: KeywordRow[]): void {
  if (rows.length > SEMANTIC_MAX_KEYWORDS)
    throw new ClusterOptionError(
      `semantic mode takes at most ${SEMANTIC_MAX_KEYWORDS.toLocaleString('en')} keywords, this export has ${rows.length.toLocaleString('en')}; use lexical`,
    )
}
