// Keyword exports as SEO tools and Wordstat give them: CSV/TSV (UTF-8, UTF-8 with BOM or
// Windows-1251; delimiter detected) or XLSX, columns found by their RU/EN header. Bad rows are
// reported by line number, never silently dropped.
import Papa from 'papaparse'
import { readSheet, type CellValue } from 'read-excel-file/node'
import type { SeoImportProblem } from '../../contracts/briefs'
import type { KeywordRow } from './cluster'
import { cellTooLong, checkXlsx, LIMITS, tooManyCells, tooManyRows } from './upload-limits'
import { revivable } from '../compute/errors'
import { englishOf, type RefusalParams } from '../refusals'

export type ImportProblem = SeoImportProblem
export type Imported = {
  rows: (KeywordRow & { line: number; target: string | null })[]
  problems: ImportProblem[]
  encoding: string
  delimiter: string | null
  columns: Columns
}
type Columns = { keyword: number; frequency: number | null; urls: number[]; target: number | null }

type ImportRefusal = {
  reason: 'upload.no_keyword_column' | 'upload.file_empty' | 'upload.unreadable_workbook'
  params: RefusalParams
}
/** A file that is not a keyword export: its reason for the API's refusal (server/refusals.ts), its English words for the CLI. */
export class ImportError extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(englishOf(refusal.reason, refusal.params))
  }
}
revivable('ImportError', (_, refusal) => new ImportError(refusal as ImportRefusal))

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s_-]+/g, ' ')
const KEYWORD =
  /^(?:keyword|keywords|key phrase|keyphrase|query|queries|search term|phrase|ключевое слово|ключевая фраза|ключ|запрос|запросы|фраза|поисковый запрос)$/
const FREQUENCY =
  /^(?:frequency|search volume|volume|avg\. monthly searches|monthly searches|impressions|частотность|частота|ws|wordstat|базовая частотность|показы|показов в месяц)/
const TARGET =
  /^(?:target url|target|landing page|landing|целевой url|целевая страница|релевантная страница|посадочная страница|посадочная)$/
const URL_COLUMN = /^(?:urls?|top ?10|топ ?10|serp|results?|выдача|url ?\d{1,2}|position ?\d{1,2}|позиция ?\d{1,2}|\d{1,2})$/

/** Text of a CSV/TSV file: a BOM says UTF-8; valid UTF-8 is UTF-8; anything else is read as Windows-1251. */
export function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' }
  }
}

function columnsOf(header: string[]): Columns {
  const h = header.map(norm)
  const keyword = h.findIndex((x) => KEYWORD.test(x))
  if (keyword < 0)
    throw new ImportError({ reason: 'upload.no_keyword_column', params: { found: header.map((x) => JSON.stringify(x)).join(', ') } })
  const frequency = h.findIndex((x) => FREQUENCY.test(x))
  const target = h.findIndex((x) => TARGET.test(x))
  const urls = h.map((x, i) => (URL_COLUMN.test(x) && i !== keyword ? i : -1)).filter((i) => i >= 0)
  return { keyword, frequency: frequency >= 0 ? frequency : null, urls, target: target >= 0 ? target : null }
}

/** "12 000", "12,000", "12000.0" -> 12000; "" -> null; anything else -> NaN. */
function frequencyOf(cell: string | undefined): number | null {
  const t = (cell ?? '').replace(/[\s\u00a0]/g, '')
  if (!t) return null
  const n = Number(/^\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.'))
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : NaN
}

const urlsIn = (cell: string) =>
  cell
    .split(/[\s,|;]+/)
    .map((u) => u.trim())
    .filter((u) => /^(?:https?:\/\/)?[\w.-]+\.[a-z]{2,}/i.test(u))

function rowsOf(records: { cells: string[]; line: number }[]): Omit<Imported, 'encoding' | 'delimiter'> {
  const headerAt = records.findIndex((r) => r.cells.some((c) => c.trim()))
  if (headerAt < 0) throw new ImportError({ reason: 'upload.file_empty', params: {} })
  const columns = columnsOf(records[headerAt]!.cells)
  const rows: Imported['rows'] = []
  const problems: ImportProblem[] = []
  const seen = new Map<string, number>()
  for (const { cells, line } of records.slice(headerAt + 1)) {
    if (cells.every((c) => !c.trim())) continue
    const keyword = (cells[columns.keyword] ?? '').replace(/\s+/g, ' ').trim()
    if (keyword.length > LIMITS.keywordChars) throw cellTooLong(line, 'keyword', LIMITS.keywordChars)
    if (!keyword) {
      problems.push({ line, problem: 'empty_keyword', detail: 'no keyword in this row', params: {} })
      continue
    }
    const frequency = columns.frequency === null ? null : frequencyOf(cells[columns.frequency])
    if (Number.isNaN(frequency)) {
      const value = cells[columns.frequency!] ?? ''
      problems.push({ line, problem: 'bad_frequency', detail: `"${value}" is not a number`, params: { value } })
      continue
    }
    const key = keyword.toLowerCase().replace(/ё/g, 'е')
    const first = seen.get(key)
    if (first !== undefined) {
      problems.push({ line, problem: 'duplicate', detail: `"${keyword}" is already on line ${first}`, params: { keyword, first } })
      continue
    }
    seen.set(key, line)
    const urls = columns.urls.flatMap((i) => urlsIn(cells[i] ?? ''))
    const target = columns.target === null ? null : (cells[columns.target] ?? '').trim() || null
    rows.push({ keyword, frequency, urls, target, line })
  }
  return { rows, problems, columns }
}

/** The candidate found on every one of the first non-empty lines, most often (quoted parts ignored). */
export function delimiterOf(text: string): string {
  const lines = text
    .replace(/"[^"]*"/g, '""')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 20)
  let best = ','
  let bestMin = 0
  for (const d of ['\t', ';', ',', '|']) {
    const min = Math.min(...lines.map((l) => l.split(d).length - 1))
    if (min > bestMin) [best, bestMin] = [d, min]
  }
  return best
}

function parseText(text: string): { records: { cells: string[]; line: number }[]; delimiter: string } {
  const records: { cells: string[]; line: number }[] = []
  let line = 1 // of the record that starts at `start`
  let start = 0
  let delimiter = ','
  let [rows, cells] = [0, 0]
  let refused: Error | null = null
  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(text),
    skipEmptyLines: false,
    // the caps are checked row by row, so an oversized file stops here, not after it is all in memory
    step: (r, parser) => {
      cells += r.data.length
      if (r.data.some((c) => c !== '')) rows++
      const long = r.data.some((c) => c.length > LIMITS.cellChars)
      // the header row is the one over
      refused =
        rows > LIMITS.rows + 1
          ? tooManyRows()
          : cells > LIMITS.cells
            ? tooManyCells()
            : long
              ? cellTooLong(line, 'cell', LIMITS.cellChars)
              : null
      if (refused) return parser.abort()
      delimiter = r.meta.delimiter
      records.push({ cells: r.data, line })
      // meta.cursor is where the next record starts; quoted cells may hold line breaks
      for (let i = start; i < r.meta.cursor; i++) if (text.charCodeAt(i) === 10) line++
      start = r.meta.cursor
    },
  })
  if (refused) throw refused
  return { records, delimiter }
}

/** A cell as the text a person sees: numbers as written in the file, a date as its ISO day (or time). */
function cellText(v: CellValue | null): string {
  if (v === null) return ''
  if (v instanceof Date)
    return v.getUTCHours() + v.getUTCMinutes() + v.getUTCSeconds() === 0 ? v.toISOString().slice(0, 10) : v.toISOString()
  return String(v)
}

async function parseXlsx(bytes: Uint8Array): Promise<{ cells: string[]; line: number }[]> {
  // the reader inflates and builds the first sheet at once: it only ever sees an archive already walked with caps
  await checkXlsx(bytes)
  let grid: (CellValue | null)[][]
  try {
    // numbers as the file writes them ("12000", not 12000 reformatted), text untrimmed
    grid = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { parseNumber: (s: string) => s, trim: false })
  } catch (err) {
    throw new ImportError({ reason: 'upload.unreadable_workbook', params: { detail: (err as Error).message } })
  }
  const out: { cells: string[]; line: number }[] = []
  grid.forEach((row, i) => {
    const cells = row.map(cellText)
    while (cells.length && cells.at(-1) === '') cells.pop()
    if (cells.length === 0) return // an empty row is skipped; the rows after it keep the sheet's own numbers
    if (cells.some((c) => c.length > LIMITS.cellChars)) throw cellTooLong(i + 1, 'cell', LIMITS.cellChars)
    out.push({ cells, line: i + 1 })
  })
  return out
}

export async function importKeywords(bytes: Uint8Array): Promise<Imported> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return { ...rowsOf(await parseXlsx(bytes)), encoding: 'xlsx', delimiter: null }
  }
  const { text, encoding } = decode(bytes)
  return { ...importText(text), encoding }
}

/** CSV/TSV already decoded (a brief's pasted or converted export). */
export function importText(text: string): Imported {
  const { records, delimiter } = parseText(text.replace(/^\ufeff/, ''))
  return { ...rowsOf(records), encoding: 'text', delimiter }
}
