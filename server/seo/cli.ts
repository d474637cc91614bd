// `copydesk seo cluster FILE [--mode serp-weighted|serp-soft|serp-moderate|serp-hard|lexical|semantic] [--threshold N] [--json]`
import fs from 'node:fs'
import { loadConfig } from '../config'
import { createProvider } from '../llm'
import { LlmError } from '../llm/provider'
import { checkSemantic, CLUSTER_MODES, ClusterOptionError, clusterKeywords, type ClusterMode, type Clustering } from './cluster'
import { ImportError, importKeywords, type Imported } from './import'
import { progressLines } from '../jobs/progress-lines'

type Io = { out: (s: string) => void; err: (s: string) => void }

/** A list this long takes seconds to cluster: the CLI says how far it is (fewer is done before anyone asks). */
const LONG_LIST = 5000

export async function seoCluster(
  file: string | undefined,
  opts: { mode?: string; threshold?: string; json: boolean },
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (!file) {
    io.err(`copydesk seo cluster: usage: copydesk seo cluster FILE [--mode ${CLUSTER_MODES.join('|')}] [--threshold N] [--json]`)
    return 2
  }
  if (opts.mode !== undefined && !CLUSTER_MODES.includes(opts.mode as ClusterMode)) {
    io.err(`copydesk seo cluster: unknown mode "${opts.mode}" (${CLUSTER_MODES.join(', ')})`)
    return 2
  }
  const threshold = opts.threshold === undefined ? undefined : Number(opts.threshold)
  if (threshold !== undefined && !Number.isFinite(threshold)) {
    io.err(`copydesk seo cluster: --threshold must be a number, not "${opts.threshold}"`)
    return 2
  }
  let imported: Imported
  try {
    imported = await importKeywords(fs.readFileSync(file))
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    io.err(
      `copydesk seo cluster: ${file}: ${code === 'ENOENT' ? 'no such file' : err instanceof ImportError ? err.message : (err as Error).message}`,
    )
    return 1
  }
  for (const p of imported.problems) io.err(`${file}:${p.line}: ${p.problem.replace('_', ' ')}: ${p.detail}`)
  let result: Clustering
  try {
    const vectors = opts.mode === 'semantic' ? await embeddings(imported, io, env) : undefined
    // how far a long list is goes to stderr; stdout keeps the plan
    const line = progressLines(io.err, LONG_LIST)
    const onProgress = (stage: 'clustering' | 'grouping' | 'planning', done = 0, total = 0) => line({ stage, done, total })
    result = clusterKeywords(imported.rows, { mode: opts.mode as ClusterMode | undefined, threshold, vectors, onProgress })
  } catch (err) {
    if (err instanceof LlmError) {
      io.err(`copydesk seo cluster: the embeddings call failed (${err.failure}): ${err.message}`)
      return 1
    }
    if (!(err instanceof ClusterOptionError)) throw err
    io.err(`copydesk seo cluster: ${err.message}`)
    return 2
  }
  const out = { ...result, keywords: imported.rows.length, problems: imported.problems, encoding: imported.encoding }
  io.out(opts.json ? JSON.stringify(out) : readable(result, imported))
  return 0
}

/** The semantic mode's embeddings from the configured model; what they cost goes to stderr. */
async function embeddings(imported: Imported, io: Io, env: NodeJS.ProcessEnv): Promise<Float32Array[]> {
  checkSemantic(imported.rows)
  const provider = createProvider(loadConfig(env).llm, env)
  if (!provider.embed)
    throw new ClusterOptionError(
      'semantic mode needs a model with an embeddings endpoint: set OPENAI_API_KEY (and OPENAI_BASE_URL, COPYDESK_EMBEDDING_MODEL for another provider), or use lexical',
    )
  const { vectors, model, tokensIn, costUsd } = await provider.embed(imported.rows.map((r) => r.keyword))
  io.err(
    `embeddings: ${model}, ${vectors.length} keywords, ${tokensIn} tokens, ${costUsd === null ? 'cost unknown' : `$${costUsd.toFixed(6)}`}`,
  )
  return vectors
}

function readable(r: Clustering, imported: Imported): string {
  const lines = [
    `${imported.rows.length} keywords (${imported.encoding}), mode ${r.mode}, threshold ${r.threshold}: ${r.clusters.length} clusters, ${r.unclustered.length} unclustered`,
    '',
  ]
  for (const c of r.clusters) {
    lines.push(`## ${c.label}  (${c.keywords.length} keywords, frequency ${c.frequency}, ${c.intent})`)
    lines.push(`  pillar: ${c.pillar}${c.plan.pillarKeywords.length ? ` + ${c.plan.pillarKeywords.join('; ')}` : ''}`)
    for (const p of c.plan.pieces) lines.push(`  - ${p.kind}: ${p.keyword}${p.keywords.length > 1 ? ` (+${p.keywords.length - 1})` : ''}`)
  }
  if (r.unclustered.length) lines.push('', `unclustered: ${r.unclustered.join('; ')}`)
  return lines.join('\n')
}
