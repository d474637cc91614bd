import { Hono } from 'hono'
import { requireRole, requireUser, type AuthEnv } from '../auth/middleware'
import { AppError } from '../errors'
import { normalisedCsv } from './export'
import { ImportError, importKeywords } from './import'

const MAX_UPLOAD = 10 * 1024 * 1024

/** POST /api/seo/import: an uploaded export (CSV/TSV in any of the usual encodings, or XLSX) as the CSV a brief keeps. */
export function seoRoutes() {
  return new Hono<AuthEnv>()
    .use(requireUser())
    .post('/import', requireRole('writer'), async (c) => {
      if (Number(c.req.header('content-length') ?? 0) > MAX_UPLOAD) throw new AppError('payload_too_large', 'a keyword export is at most 10 MB')
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      if (bytes.byteLength > MAX_UPLOAD) throw new AppError('payload_too_large', 'a keyword export is at most 10 MB')
      if (bytes.byteLength === 0) throw new AppError('bad_request', 'the upload is empty')
      try {
        const r = await importKeywords(bytes)
        return c.json({ csv: normalisedCsv(r.rows), keywords: r.rows.length, withUrls: r.rows.some((x) => x.urls.length > 0), encoding: r.encoding, problems: r.problems })
      } catch (err) {
        if (err instanceof ImportError) throw new AppError('bad_request', err.message)
        throw err
      }
    })
}
