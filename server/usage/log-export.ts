import Papa from 'papaparse'
import { z } from 'zod'
import type { Sql } from '../db/connect'
import { spreadsheetRow } from '../http/spreadsheet-cell'
import type { Scope } from './period'

const BATCH = 5000
const FIELDS = ['seq', 'at', 'actor', 'action', 'run_id', 'hash', 'data']
// seq is a bigint (postgres.js reads it as a string); a log reaches 2^53 rows long after anyone reads it as CSV
const Seq = z.coerce.number().int()
const Start = z.tuple([z.object({ seq: Seq.nullable() })])
const Row = z.object({
  seq: Seq,
  at: z.coerce.date(),
  actor: z.string(),
  action: z.string(),
  run_id: z.string(),
  hash: z.string(),
  data: z.string(),
})

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
        const [start] = Start.parse(await sql`select min(seq) as seq from audit_log where at >= ${s.from}`)
        after = start.seq === null ? Number.MAX_SAFE_INTEGER : start.seq - 1
      }
      const rows = z.array(Row).parse(
        await sql`select l.seq, l.at, coalesce(u.email, l.actor_id::text, '') as actor, l.action,
          coalesce(l.run_id::text, '') as run_id, l.hash, l.data::text as data
        from audit_log l left join users u on u.id = l.actor_id
        where l.seq > ${after} and l.at >= ${s.from} and l.at < ${s.until}
          ${s.userId ? sql`and l.actor_id = ${s.userId}` : sql``}
          ${s.team ? sql`and u.team = ${s.team}` : sql``}
          ${s.action ? sql`and l.action = ${s.action}` : sql``}
        order by l.seq limit ${BATCH}`,
      )
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
