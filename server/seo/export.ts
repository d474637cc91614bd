// A content plan as files the SEO specialist takes away: keyword -> cluster (CSV), and the same
// plus the plan as a second sheet (XLSX). Also the normalised CSV an uploaded export becomes.
import Papa from 'papaparse'
import writeExcelFile from 'write-excel-file/node'
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

const PLAN_HEADER = ['cluster', 'piece', 'target keyword', 'keywords', 'frequency']
const header = (names: string[]) => names.map((value) => ({ value, fontWeight: 'bold' as const }))
// string cells are written as text, never as formulas; an empty frequency is an empty cell
const cells = (rows: (string | number)[][]) => rows.map((r) => r.map((v) => (v === '' ? null : v)))

export async function seoXlsx(d: SeoDraft): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await writeExcelFile([
    { sheet: 'Keywords', data: [header(KEYWORD_HEADER), ...cells(keywordRows(d))], stickyRowsCount: 1 },
    { sheet: 'Content plan', data: [header(PLAN_HEADER), ...cells(planRows(d))], stickyRowsCount: 1 },
  ]).toBuffer()
  return new Uint8Array(buffer)
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
