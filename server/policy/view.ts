import type { PolicyView } from '../../contracts/policy'
import type { Lang } from '../../contracts/briefs'
import type { Policy } from './load'
import { textIn } from './schema'

/** What the read-only policy page shows: gates, categories, sectors, and every rule with a few example words. */
export function policyView(p: Policy): PolicyView {
  return {
    name: p.name,
    title: p.title,
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
    packs: p.packs.map((pack) => {
      const own = pack.lang === 'ru' ? 'ru' : 'en'
      const packIn = (l: Lang) => ({ name: pack.name[l], description: pack.description?.[l] ?? null })
      return {
        id: pack.id,
        name: pack.name[own],
        lang: pack.lang,
        description: pack.description?.[own] ?? null,
        texts: { ru: packIn('ru'), en: packIn('en') },
        rules: pack.rules.map((r) => {
          const ruleIn = (l: Lang) => ({
            title: r.title[l],
            explain: r.explain[l],
            ...(r.fix ? { fix: r.fix[l] } : {}),
            ...(r.article ? { article: textIn(r.article, l) } : {}),
          })
          const lang = r.lang ?? (pack.lang === 'any' ? null : pack.lang)
          return {
            id: r.id,
            category: r.category,
            article: textIn(r.article, lang ?? own) ?? null,
            explain: r.explain[lang ?? own],
            fix: r.fix?.[lang ?? own] ?? null,
            texts: { ru: ruleIn('ru'), en: ruleIn('en') },
            lang,
            channels: r.channels ?? null,
            examples: r.lexicon.slice(0, 8),
            requires: [...r.requires, ...(r.when_missing ?? [])].map((q) => ({ id: q.id, title: q.title, wording: q.wording })),
          }
        }),
      }
    }),
  }
}
