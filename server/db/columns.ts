// Column types as rows come back from postgres.js: timestamps as ISO strings for the API.
import type postgres from 'postgres'
import { z } from 'zod'

export const iso = z.coerce.date().transform((d) => d.toISOString())
export const isoOrNull = z.coerce
  .date()
  .nullable()
  .transform((d) => d?.toISOString() ?? null)

/**
 * A value as postgres.js's `json()` takes it: its own JSON type, so a value goes through JSON once
 * (undefined fields dropped, dates as strings), exactly what the jsonb column will hold.
 */
export const jsonValue = (v: unknown): postgres.JSONValue => JSON.parse(JSON.stringify(v ?? null))
