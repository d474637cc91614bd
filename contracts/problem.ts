import { z } from 'zod'

/** Every error answer of the API (application/problem+json). */
const Params = z.record(z.string(), z.union([z.string(), z.number()]))

export const Problem = z.object({
  /** The kind of failure (bad_request, forbidden, not_found, conflict, …): its HTTP status. */
  code: z.string(),
  /** In English, for people reading the API. */
  message: z.string(),
  requestId: z.string(),
  /** The stable reason of a refusal (server/refusals.ts) and the values its sentence names. */
  reason: z.string().optional(),
  params: Params.optional(),
  /** Fields that failed validation: the path, an English message, zod's issue code and its values. */
  issues: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional(), params: Params.optional() })).optional(),
})
export type Problem = z.infer<typeof Problem>
