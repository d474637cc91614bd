// The keyword upload parsed in a compute thread (reading a 200,000-row sheet is seconds of
// CPU): what POST /api/seo/import answers, as plain data that crosses the thread boundary.
import type { SeoImportProblem } from '../../contracts/briefs'
import { normalisedCsv } from './export'
import { importKeywords } from './import'

export type ImportSummary = { csv: string; keywords: number; withUrls: boolean; encoding: string; problems: SeoImportProblem[] }

export async function seoImport(bytes: Uint8Array): Promise<ImportSummary> {
  const r = await importKeywords(bytes)
  return {
    csv: normalisedCsv(r.rows),
    keywords: r.rows.length,
    withUrls: r.rows.some((x) => x.urls.length > 0),
    encoding: r.encoding,
    problems: r.problems,
  }
}
