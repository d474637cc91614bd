import Papa from 'papaparse'
import type { Sql } from '../db/connect'
import { spreadsheetRow } from '../http/spreadsheet-cell'
import type { Scope } from './period'
import { selectFirstLogSeq, selectLogBatch } from './queries'

const BATCH = 5000
const FIELDS = ['seq', 'at', 'actor', 'action', 'run_id', 'hash', 'data']

/**
 * The audit log of a period as CSV, streamed in batches by row number, so a year of a
 * million rows never sits in memory. The rows hold no personal data (the log never does).
 */
export function auditLogCsv(sql: Sql, s: Scope & { action: string | null }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let after: number | null = null
  let first = true
  return new ReadableStream({
    async pull(controller) {
      // start at the period's first row (the time index), not at the beginning of the log
      if (after === null) {
        const start = await selectFirstLogSeq(sql, s.from)
        after = start === null ? Number.MAX_SAFE_INTEGER : start - 1
      }
      const rows = await selectLogBatch(sql, s, after, BATCH)
      // the actor's email and the data are typed by people: escaped against formula injection
      const data = rows.map((r) => spreadsheetRow([r.seq, r.at.toISOString(), r.actor, r.action, r.run_id, r.hash, r.data]))
      if (first || data.length)
        controller.enqueue(encoder.encode(`${first ? '\ufeff' : ''}${Papa.unparse({ fields: FIELDS, data }, { header: first })}\r\n`))
      first = false
      if (rows.length < BATCH) controller.close()
      else after = rows.at(-1)!.seq
    },
  })
}
