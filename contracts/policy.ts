import { z } from 'zod'

/** The active policy as the read-only policy page shows it. */
export const PolicyView = z.object({
  name: z.string(),
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
      name: z.string(),
      lang: z.string(),
      description: z.string().nullable(),
      rules: z.array(
        z.object({
          id: z.string(),
          category: z.string(),
          article: z.string().nullable(),
          explain: z.string(),
          fix: z.string().nullable(),
          channels: z.array(z.string()).nullable(),
          examples: z.array(z.string()),
          requires: z.array(z.object({ id: z.string(), wording: z.string() })),
        }),
      ),
    }),
  ),
})
export type PolicyView = z.infer<typeof PolicyView>
