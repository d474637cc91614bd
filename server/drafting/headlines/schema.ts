// What a model (or the offline engine) returns before finishing: texts with the angle each tests.
import { z } from 'zod'
import { HeadlineAngle } from '../../../contracts/drafts'

export const RawHeadlines = z.object({
  headlines: z
    .array(z.object({ text: z.string(), angle: HeadlineAngle }))
    .min(1)
    .max(100),
})
export type RawHeadlines = z.infer<typeof RawHeadlines>

export type FinishOptions = {
  count: number
  /** The channel's limit in characters (code points). */
  maxLength: number
  channel: string
  lang: 'ru' | 'en'
  missing?: string[]
}
