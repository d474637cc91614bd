// The writer's hand edit of a content plan: keywords moved between clusters or out of them.
// The keyword set must stay the same; each cluster's pillar, total, intent and plan are derived
// again by code, so a moved keyword lands in the right piece.
import { SeoDraft } from '../../contracts/drafts'
import { refuse } from '../refusals'
import { clusterIntent } from './intent'
import { contentPlan } from './plan'

export function reviseSeo(current: SeoDraft, proposed: unknown): SeoDraft {
  const parsed = SeoDraft.safeParse(proposed)
  if (!parsed.success) {
    throw refuse(
      'edit.plan_contract',
      {},
      parsed.error.issues.slice(0, 10).map((i) => ({ path: `content.${i.path.join('.')}`, message: i.message })),
    )
  }
  const next = parsed.data
  const all = (d: SeoDraft) => [...d.clusters.flatMap((c) => c.keywords), ...d.unclustered]
  const before = new Set(all(current))
  const after = all(next)
  const seen = new Set<string>()
  const twice = after.filter((k) => {
    if (seen.has(k)) return true
    seen.add(k)
    return false
  })
  const missing = [...before].filter((k) => !seen.has(k))
  const added = [...seen].filter((k) => !before.has(k))
  if (missing.length || added.length || twice.length) {
    const say = (label: string, ks: string[]) =>
      ks.length
        ? `${label}: ${ks
            .slice(0, 5)
            .map((k) => `"${k}"`)
            .join(', ')}${ks.length > 5 ? ` and ${ks.length - 5} more` : ''}`
        : ''
    throw refuse('edit.plan_keywords', {
      detail: [say('missing', missing), say('not in the export', added), say('twice', twice)].filter(Boolean).join('; '),
    })
  }
  const freq = (k: string) => current.frequencies[k] ?? 0
  const oldPillars = new Set(current.clusters.map((c) => c.pillar))
  const clusters = next.clusters
    .filter((c) => c.keywords.length > 0)
    .map((c) => {
      const members = c.keywords.map((k) => ({ keyword: k, frequency: freq(k) }))
      const plan = contentPlan(members)
      // a label that was just the old pillar keyword follows the new pillar
      const label = !c.label.trim() || (oldPillars.has(c.label) && c.label !== plan.pillar) ? plan.pillar : c.label.trim()
      return {
        label,
        pillar: plan.pillar,
        keywords: [plan.pillar, ...c.keywords.filter((k) => k !== plan.pillar)],
        frequency: members.reduce((n, m) => n + m.frequency, 0),
        intent: clusterIntent(members),
        plan,
      }
    })
    .sort((a, b) => b.frequency - a.frequency || a.label.localeCompare(b.label))
  return { ...current, clusters, unclustered: [...next.unclustered].sort((a, b) => freq(b) - freq(a) || a.localeCompare(b)) }
}
