// Column types as rows come back from postgres.js: timestamps as ISO strings for the API.
import { z } from 'zod'

export const iso = z.coerce.date().transform((d) => d.toISOString())
export const isoOrNull = z.coerce
  .date()
  .nullable()
  .transform((d) => d?.toISOString() ?? null)
