import { Hono } from 'hono'
import { z } from 'zod'
import { SeoImportProblem } from '../../contracts/briefs'
import { requireRole, requireUser, type AuthEnv } from '../auth/middleware'
import { concurrencyLimit } from '../http/concurrency-limit'
import { op } from '../http/op'
import { refuse } from '../refusals'
import { runInPool } from '../compute/pool'
import { ImportError } from './import'
import { LIMITS } from './upload-limits'

export const SEO_OPS = {
  import: op({
    method: 'post',
    path: '/api/seo/import',
    summary:
      'An uploaded keyword export (raw CSV/TSV in UTF-8, UTF-8 BOM or Windows-1251, or XLSX; at most 10 MB) as the CSV a seo_clusters brief keeps, with the rows skipped by line',
    response: z.object({
      csv: z.string(),
      keywords: z.number(),
      withUrls: z.boolean(),
      encoding: z.string(),
      problems: z.array(SeoImportProblem),
    }),
  }),
}

const tooLarge = () => refuse('upload.export_too_large', { limit: LIMITS.uploadBytes / 1024 / 1024 })

/** POST /api/seo/import: an uploaded export (CSV/TSV in any of the usual encodings, or XLSX) as the CSV a brief keeps. */
export function seoRoutes() {
  return new Hono<AuthEnv>().use(requireUser()).post(
    '/import',
    requireRole('writer'),
    // each import may use memory up to the caps in upload-limits.ts; this bounds how many do at once
    concurrencyLimit({ max: 2, queue: 4, what: 'keyword imports' }),
    async (c) => {
      // a chunked body (no Content-Length) is counted as it arrives by the app-wide bodyCap
      if (Number(c.req.header('content-length') ?? 0) > LIMITS.uploadBytes) throw tooLarge()
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      if (bytes.byteLength > LIMITS.uploadBytes) throw tooLarge()
      if (bytes.byteLength === 0) throw refuse('upload.empty')
      try {
        // parsed in a compute thread: the API keeps answering while a big sheet is read
        return c.json(await runInPool('seo.import', bytes, { transfer: [bytes.buffer] }))
      } catch (err) {
        if (err instanceof ImportError) throw refuse(err.refusal.reason, err.refusal.params)
        throw err
      }
    },
  )
}
