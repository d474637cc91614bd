// How big a keyword export may be, and the XLSX check that enforces it before exceljs loads the
// workbook. exceljs holds the whole workbook as objects, about 1 KB a cell (a 200,000-row,
// 3-column export costs some 700 MB while it loads), so the caps are on what it will build —
// rows and cells — as well as on the inflated bytes.
import { AppError } from '../errors'
import { checkZip, type ZipLimits } from '../http/zip-limits'

const MB = 1024 * 1024

export const LIMITS = {
  /** The upload itself. */
  uploadBytes: 10 * MB,
  /** Rows of the keyword sheet (or CSV), header not counted. */
  rows: 200_000,
  /** Cells of the whole workbook (or CSV): exceljs's memory grows with these. */
  cells: 1_000_000,
  /** One keyword; no real search query comes near it. */
  keywordChars: 2_000,
  /** Any other cell (ten result URLs with their tracking parameters fit easily). */
  cellChars: 20_000,
  zip: { maxInflatedBytes: 64 * MB, maxEntries: 1_000, maxRatio: 200, ratioFloorBytes: 1 * MB } satisfies ZipLimits,
}

const n = (x: number) => x.toLocaleString('en-US')
export const tooManyRows = () =>
  new AppError('payload_too_large', `the sheet has more than ${n(LIMITS.rows)} rows; the limit is ${n(LIMITS.rows)}`)
export const tooManyCells = () =>
  new AppError('payload_too_large', `the file has more than ${n(LIMITS.cells)} cells; the limit is ${n(LIMITS.cells)}`)
export const cellTooLong = (line: number, what: 'keyword' | 'cell', max: number) =>
  new AppError('payload_too_large', `line ${line}: a ${what} longer than ${n(max)} characters; the limit is ${n(max)}`)

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i
// a row or cell start tag, with or without a namespace prefix (<row r="2">, <x:c r="A2"/>)
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c)[\s/>]/g
// a tag cut by a chunk boundary is kept for the next chunk; no start tag we count is longer
const CARRY = 64

/** Counts rows and cells in a worksheet's XML as it streams past, throwing once past a cap. */
class TagCounter {
  rows = 0
  private carry = ''
  constructor(private readonly cells: { count: number }) {}
  push(chunk: Buffer) {
    let text = this.carry + chunk.toString('latin1') // tags are ASCII; latin1 never splits a byte
    const cut = text.lastIndexOf('<')
    if (cut >= 0 && text.length - cut < CARRY) [text, this.carry] = [text.slice(0, cut), text.slice(cut)]
    else this.carry = ''
    this.count(text)
  }
  end() {
    this.count(this.carry)
    this.carry = ''
  }
  private count(text: string) {
    for (const m of text.matchAll(TAG)) {
      if (m[1] === 'row') this.rows++
      else this.cells.count++
    }
    // the header row is the one over
    if (this.rows > LIMITS.rows + 1) throw tooManyRows()
    if (this.cells.count > LIMITS.cells) throw tooManyCells()
  }
}

/** Refuses an XLSX that is a bomb, malformed, or bigger than exceljs should be asked to load. */
export async function checkXlsx(bytes: Uint8Array): Promise<void> {
  const cells = { count: 0 }
  await checkZip(bytes, LIMITS.zip, (e) => (WORKSHEET.test(e.name) ? new TagCounter(cells) : null))
}
