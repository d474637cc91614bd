import { z } from 'zod'
import { SEO_MODES, URL_COUNT_MODES } from '../../../../contracts/briefs'
import type { Translate } from '../../i18n'
import type { FormIssue, FormValues } from './form-model'

export type SeoMode = (typeof SEO_MODES)[number]
export const isSeoMode = (s: string): s is SeoMode => (SEO_MODES as readonly string[]).includes(s)
/** The threshold is a number of shared top-10 URLs (1-10); in the other modes a similarity (0-1). */
export const countsUrls = (mode: SeoMode) => (URL_COUNT_MODES as readonly string[]).includes(mode)
/** server/seo/cluster.ts DEFAULT_THRESHOLD: what an empty threshold means in each mode. */
export const DEFAULT_THRESHOLDS: Record<SeoMode, number> = {
  'serp-weighted': 0.1,
  'serp-soft': 3,
  'serp-moderate': 3,
  'serp-hard': 3,
  lexical: 0.2,
  semantic: 0.5,
}

/** The server's limit on one upload (server/seo/routes.ts): checked here too, to skip a pointless upload. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/**
 * What `POST /api/seo/import` answers: the export as the CSV a brief keeps, and the rows it skipped.
 * `problem` is any string: a kind of skipped row added later is shown as sent rather than failing the upload.
 */
export const SeoImport = z.object({
  csv: z.string(),
  keywords: z.number().int(),
  withUrls: z.boolean(),
  encoding: z.string(),
  problems: z.array(
    z.object({
      line: z.number().int(),
      problem: z.string(),
      detail: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
})
export type SeoImport = z.infer<typeof SeoImport>

/**
 * The threshold rules of server/seo/cluster.ts, checked before the brief is sent: a wrong one would
 * only fail the run. With "auto" the mode is not known yet (it depends on the export), so only the
 * outer bounds hold.
 */
export function thresholdIssues(v: FormValues, t: Translate): FormIssue[] {
  const raw = v['inputs.threshold'].trim()
  if (raw === '') return []
  const n = Number(raw)
  const mode = v['inputs.mode']
  const issue = (message: string) => [{ path: 'inputs.threshold', message }]
  if (!Number.isFinite(n)) return issue(t('validation.number'))
  if (!isSeoMode(mode)) return n > 0 && n <= 10 ? [] : issue(t('seo.form.thresholdAuto'))
  if (countsUrls(mode)) return Number.isInteger(n) && n >= 1 && n <= 10 ? [] : issue(t('seo.form.thresholdSerp'))
  return n > 0 && n <= 1 ? [] : issue(t('seo.form.thresholdSimilarity'))
}
