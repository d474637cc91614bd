import { z } from 'zod'
import { HitText, Localized } from './risks'

/** The active policy as the read-only policy page shows it. */
export const PolicyView = z.object({
  name: z.string(),
  /** The policy's name in each UI language. */
  title: Localized,
  version: z.string(),
  channels: z.array(z.string()),
  paidAdChannels: z.array(z.string()),
  distinctReviewers: z.boolean(),
  /** A model may add risk categories (never remove them) when one is configured. */
  llmClassifier: z.boolean(),
  personalData: z.object({ inputs: z.enum(['redact', 'block']) }),
  gates: z.array(
    z.object({
      gate: z.string(),
      role: z.string(),
      slaBusinessDays: z.number(),
      after: z.array(z.string()),
      owner: z.string(),
      waivableBy: z.array(z.string()),
      escalateTo: z.string().nullable(),
    }),
  ),
  categories: z.array(z.object({ category: z.string(), gates: z.array(z.string()) })),
  /**
   * What a brief may declare it advertises, with the categories each sector brings. The value
   * "other" (none of these) is built in and not listed.
   */
  sectors: z.array(z.object({ id: z.string(), label: z.string(), labelRu: z.string().nullable(), categories: z.array(z.string()) })),
  /** Kinds never published as written: only these categories apply to them. */
  internalKinds: z.object({ kinds: z.array(z.string()), categories: z.array(z.string()) }),
  /** Required wording a draft lacks blocks `pass` at these gates unless waived with a reason. */
  missingWording: z.object({ blocksPassAt: z.array(z.string()) }),
  packs: z.array(
    z.object({
      id: z.string(),
      /** Name and description in the pack's own language (English for a pack of any language). */
      name: z.string(),
      lang: z.string(),
      description: z.string().nullable(),
      /** …and in each UI language. */
      texts: z.object({
        ru: z.object({ name: z.string(), description: z.string().nullable() }),
        en: z.object({ name: z.string(), description: z.string().nullable() }),
      }),
      rules: z.array(
        z.object({
          id: z.string(),
          category: z.string(),
          article: z.string().nullable(),
          explain: z.string(),
          fix: z.string().nullable(),
          /** The rule's title, explanation and fix in each UI language. */
          texts: z.object({ ru: HitText, en: HitText }),
          /** The language of its words and wording; null for any. */
          lang: z.enum(['ru', 'en']).nullable(),
          channels: z.array(z.string()).nullable(),
          examples: z.array(z.string()),
          requires: z.array(z.object({ id: z.string(), title: Localized, wording: z.string() })),
        }),
      ),
    }),
  ),
})
export type PolicyView = z.infer<typeof PolicyView>
