// A content plan as files the SEO specialist takes away: keyword -> cluster (CSV), and the same
// plus the plan as a second sheet (XLSX). Also the normalised CSV an uploaded export becomes.
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { SeoDraft } from '../../contracts/drafts'
import { spreadsheetRow } from '../http/spreadsheet-cell'
import type { KeywordRow } from './cluster'
import { normalizeUrl } from './urls'

const KEYWORD_HEADER = ['keyword', 'cluster', 'pillar', 'intent', 'frequency', 'role']

/** Keywords and cluster names are typed by people (or a model): escaped against formula injection, numbers kept as numbers. */
function keywordRows(d: SeoDraft): (string | number)[][] {
  const rows: (string | number)[][] = []
  for (const c of d.clusters) {
    const roleOf = new Map<string, string>([[c.pillar, 'pillar'], ...c.plan.pillarKeywords.map((k) => [k, 'pillar'] as [string, string])])
    for (const p of c.plan.pieces) for (const k of p.keywords) roleOf.set(k, p.kind)
    for (const k of c.keywords) rows.push([k, c.label, c.pillar, c.intent, d.frequencies[k] ?? '', roleOf.get(k) ?? ''])
  }
  for (const k of d.unclustered) rows.push([k, '', '', '', d.frequencies[k] ?? '', 'unclustered'])
  return rows.map(spreadsheetRow)
}

function planRows(d: SeoDraft): (string | number)[][] {
  return d.clusters
    .flatMap((c) => [
      [c.label, 'pillar', c.pillar, [c.pillar, ...c.plan.pillarKeywords].join('; '), c.frequency],
      ...c.plan.pieces.map((p) => [c.label, p.kind, p.keyword, p.keywords.join('; '), p.frequency]),
    ])
    .map(spreadsheetRow)
}

export const seoCsv = (d: SeoDraft): string => Papa.unparse({ fields: KEYWORD_HEADER, data: keywordRows(d) })

export async function seoXlsx(d: SeoDraft): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const keywords = book.addWorksheet('Keywords')
  keywords.addRow(KEYWORD_HEADER)
  keywords.addRows(keywordRows(d))
  const plan = book.addWorksheet('Content plan')
  plan.addRow(['cluster', 'piece', 'target keyword', 'keywords', 'frequency'])
  plan.addRows(planRows(d))
  for (const sheet of [keywords, plan]) sheet.getRow(1).font = { bold: true }
  return new Uint8Array(await book.xlsx.writeBuffer())
}

/**
 * An imported export as the CSV a brief keeps: keyword;frequency;urls (space-separated). Not
 * escaped against formulas: it is never a download, only the text of the brief's keyword field,
 * read back by importText, where a leading `'` would become part of the keyword. Its keywords
 * are escaped when they leave as a file (seoCsv, seoXlsx).
 */
export const normalisedCsv = (rows: KeywordRow[]): string =>
  Papa.unparse(
    { fields: ['keyword', 'frequency', 'urls'], data: rows.map((r) => [r.keyword, r.frequency ?? '', topUrls(r.urls).join(' ')]) },
    { delimiter: ';' },
  )

/** The top 10 result URLs in their compared form (no scheme, www or tracking): a third shorter. */
const topUrls = (urls: string[]) =>
  urls
    .map(normalizeUrl)
    .filter((u): u is string => u !== null)
    .slice(0, 10)
