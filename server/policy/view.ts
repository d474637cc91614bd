import type { PolicyView } from '../../contracts/policy'
import type { Policy } from './load'

/** What the read-only policy page shows: gates, categories, sectors, and every rule with a few example words. */
export function policyView(p: Policy): PolicyView {
  return {
    name: p.name,
    version: p.version,
    channels: p.file.channels,
    paidAdChannels: p.file.paid_ad_channels,
    distinctReviewers: p.file.distinct_reviewers,
    llmClassifier: p.file.llm_classifier.enabled,
    personalData: p.file.personal_data,
    gates: Object.entries(p.file.gates).map(([gate, g]) => ({
      gate,
      role: g!.role,
      slaBusinessDays: g!.sla_business_days,
      after: g!.after,
      owner: g!.owner,
      waivableBy: g!.waivable_by,
      escalateTo: g!.escalate_to ?? null,
    })),
    categories: Object.entries(p.file.categories).map(([category, gates]) => ({ category, gates: gates ?? [] })),
    sectors: Object.entries(p.file.sectors).map(([id, s]) => ({
      id,
      label: s.label,
      labelRu: s.label_ru ?? null,
      categories: s.categories,
    })),
    internalKinds: { kinds: p.file.internal_kinds.kinds, categories: p.file.internal_kinds.categories },
    missingWording: { blocksPassAt: p.file.missing_wording.blocks_pass_at },
    packs: p.packs.map((pack) => ({
      id: pack.id,
      name: pack.name,
      lang: pack.lang,
      description: pack.description ?? null,
      rules: pack.rules.map((r) => ({
        id: r.id,
        category: r.category,
        article: r.article ?? null,
        explain: r.explain,
        fix: r.fix ?? null,
        channels: r.channels ?? null,
        examples: r.lexicon.slice(0, 8),
        requires: [...r.requires, ...(r.when_missing ?? [])].map((q) => ({ id: q.id, wording: q.wording })),
      })),
    })),
  }
}
