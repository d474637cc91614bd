// How big a keyword export may be, and the XLSX check that enforces it before the reader
// (read-excel-file) loads the sheet. The reader builds the whole sheet in memory, so the caps are
// on what it will build — rows and cells — as well as on the inflated bytes.
import { refuse } from '../refusals'
import { checkZip, type ZipLimits } from '../http/zip-limits'

const MB = 1024 * 1024

export const LIMITS = {
  /** The upload itself. */
  uploadBytes: 10 * MB,
  /** Rows of the keyword sheet (or CSV), header not counted. */
  rows: 200_000,
  /** Cells of the whole workbook (or CSV): the reader's memory grows with these. */
  cells: 1_000_000,
  /**
   * The sheet's extent, last row × last column: the reader builds that whole grid, empty cells
   * included, so two cells at A1 and XFD1048576 would be 17 billion of them.
   */
  gridCells: 4_000_000,
  /** One keyword; no real search query comes near it. */
  keywordChars: 2_000,
  /** Any other cell (ten result URLs with their tracking parameters fit easily). */
  cellChars: 20_000,
  zip: { maxInflatedBytes: 64 * MB, maxEntries: 1_000, maxRatio: 200, ratioFloorBytes: 1 * MB } satisfies ZipLimits,
}

const n = (x: number) => x.toLocaleString('en-US')
export const tooManyRows = () => refuse('upload.too_many_rows', { limit: n(LIMITS.rows) })
export const tooManyCells = () => refuse('upload.too_many_cells', { limit: n(LIMITS.cells) })
export const tooWide = (rows: number, columns: number) =>
  refuse('upload.too_wide', { rows: n(rows), columns: n(columns), cells: n(rows * columns), limit: n(LIMITS.gridCells) })
export const cellTooLong = (line: number, what: 'keyword' | 'cell', max: number) =>
  refuse(what === 'keyword' ? 'upload.keyword_too_long' : 'upload.cell_too_long', { line, limit: n(max) })

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i
// a row or cell start tag, with or without a namespace prefix (<row r="2">, <x:c r="A2"/>), and its r attribute
// (attribute values may hold ">": quoted values are skipped whole)
const ATTRS = `((?:[^>"']|"[^"]*"|'[^']*')*)`
const TAG = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?(row|c)(?=[\\s/>])${ATTRS}>`, 'g')
// any markup from a "<" to its closing ">" (a "<" never appears unescaped inside one)
const WHOLE_TAG = new RegExp(`<${ATTRS}>`, 'y')
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
/** The r attribute of a start tag's attributes (parsed one by one: a value may quote `r="…"` itself). */
function refOf(attrs: string): string | undefined {
  for (const a of attrs.matchAll(ATTR)) if (a[1] === 'r') return a[2] ?? a[3]
  return undefined
}
const ROW_REF = /^(\d{1,9})$/
const CELL_REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,9})$/
// a tag cut by a chunk boundary is kept for the next chunk; no real start tag is anywhere near this long
const MAX_TAG = 4096
const column = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0)

/**
 * Counts rows and cells in a worksheet's XML as it streams past, and the extent their addresses
 * reach (a cell without an address is the next one along), throwing once past a cap.
 */
class TagCounter {
  rows = 0
  private carry = ''
  private row = 0
  private col = 0
  private maxRow = 0
  private maxCol = 0
  constructor(private readonly cells: { count: number }) {}
  push(chunk: Buffer) {
    let text = this.carry + chunk.toString('latin1') // tags are ASCII; latin1 never splits a byte
    const cut = text.lastIndexOf('<')
    WHOLE_TAG.lastIndex = cut
    if (cut >= 0 && !WHOLE_TAG.test(text)) {
      if (text.length - cut > MAX_TAG) throw refuse('upload.tag_too_long')
      ;[text, this.carry] = [text.slice(0, cut), text.slice(cut)]
    } else this.carry = ''
    this.count(text)
  }
  end() {
    this.count(this.carry)
    this.carry = ''
  }
  private count(text: string) {
    for (const m of text.matchAll(TAG)) {
      if (m[1] === 'row') {
        this.rows++
        const r = ROW_REF.exec(refOf(m[2]!) ?? '')
        this.row = r ? Number(r[1]) : this.row + 1
        this.col = 0
      } else {
        // the grid the reader builds reaches the furthest cell (an empty row element adds nothing)
        this.cells.count++
        const c = CELL_REF.exec(refOf(m[2]!) ?? '')
        this.col = c ? column(c[1]!) : this.col + 1
        this.maxRow = Math.max(this.maxRow, c ? Number(c[2]) : this.row)
        this.maxCol = Math.max(this.maxCol, this.col)
      }
    }
    // the header row is the one over
    if (this.rows > LIMITS.rows + 1) throw tooManyRows()
    if (this.cells.count > LIMITS.cells) throw tooManyCells()
    if (this.maxRow * this.maxCol > LIMITS.gridCells) throw tooWide(this.maxRow, this.maxCol)
  }
}

/** Refuses an XLSX that is a bomb, malformed, or bigger than the reader should be asked to load. */
export async function checkXlsx(bytes: Uint8Array): Promise<void> {
  const cells = { count: 0 }
  await checkZip(bytes, LIMITS.zip, (e) => (WORKSHEET.test(e.name) ? new TagCounter(cells) : null))
}
