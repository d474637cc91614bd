import { z } from 'zod'

/** GET /api/handoffs: one delivery of an approved text to a destination, as the queue holds it. */
export const HandoffDelivery = z.object({
  id: z.number().int(),
  runId: z.uuid(),
  eventId: z.string(),
  destination: z.string(),
  /** queued: waiting (for its next attempt after `nextAttemptAt`); done: a 2xx; failed: attempts ran out. */
  status: z.enum(['queued', 'running', 'done', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type HandoffDelivery = z.infer<typeof HandoffDelivery>
