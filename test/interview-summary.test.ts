// The offline interview engine on 20 annotated transcripts (test/fixtures/interviews): quotes are
// verbatim and correctly located, speakers are labelled, the objections a human marked are found
// (recall and precision printed per half), and no personal-data value survives into the output.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseTranscript } from '../server/drafting/interview/transcript'
import { summarizeInterview, type Quote } from '../server/drafting/interview/summarize'
import { synthesize } from '../server/drafting/interview/synthesize'
import { Placeholders } from '../server/pii/redact'
import { scanPii } from '../server/pii/scan'
import { ROOT } from '../server/paths'
import { interviewSplit, loadInterviews, type InterviewFixture } from './helpers/interviews'

const fixtures = loadInterviews()
const allQuotes = (s: ReturnType<typeof summarizeInterview>): Quote[] => [
  ...s.quotes,
  ...s.insights.flatMap((i) => i.quotes),
  ...s.needs.flatMap((n) => n.quotes),
  ...s.objections.flatMap((o) => o.quotes),
  ...s.barriers.flatMap((b) => b.quotes),
]

function score(docs: InterviewFixture[]) {
  let marked = 0,
    found = 0,
    quoted = 0,
    onMarked = 0
  for (const d of docs) {
    const s = summarizeInterview(d.transcript, d.lang)
    const spans = [...s.objections, ...s.barriers].flatMap((it) => it.quotes)
    const marks = [...d.annotations.objections, ...d.annotations.barriers].map((a) => ({
      start: d.transcript.indexOf(a.evidence),
      end: d.transcript.indexOf(a.evidence) + a.evidence.length,
    }))
    const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      Math.min(a.end, b.end) - Math.max(a.start, b.start)
    for (const m of marks) {
      marked++
      if (spans.some((q) => overlap(q, m) >= (m.end - m.start) / 2)) found++
    }
    for (const q of spans) {
      quoted++
      if (marks.some((m) => overlap(q, m) > 0)) onMarked++
    }
  }
  return { recall: found / marked, precision: onMarked / quoted, marked, quoted }
}

describe('interview summary (offline engine)', () => {
  it('has the 20 fixtures, both languages, both halves', () => {
    expect(fixtures).toHaveLength(20)
    expect(new Set(fixtures.map((f) => f.lang))).toEqual(new Set(['ru', 'en']))
    expect(fixtures.filter((f) => interviewSplit(f.id) === 'dev').length).toBeGreaterThanOrEqual(5)
  })

  it.each(fixtures.map((f) => [f.id, f] as const))('%s: every quote is the verbatim slice it claims, from a labelled speaker', (_id, f) => {
    const s = summarizeInterview(f.transcript, f.lang)
    const quotes = allQuotes(s)
    expect(quotes.length).toBeGreaterThan(0)
    for (const q of quotes) {
      expect(f.transcript.slice(q.start, q.end)).toBe(q.text)
      expect(f.speakers[q.speaker]).toBe(q.role)
      expect(q.role).toBe('customer')
    }
    expect(Object.fromEntries(parseTranscript(f.transcript).speakers.map((x) => [x.label, x.role]))).toEqual(f.speakers)
  })

  it('finds the objections and barriers a human marked (quality report)', () => {
    const dev = score(fixtures.filter((f) => interviewSplit(f.id) === 'dev'))
    const held = score(fixtures.filter((f) => interviewSplit(f.id) === 'heldout'))
    console.log(
      `interview objections+barriers: dev recall ${dev.recall.toFixed(2)} precision ${dev.precision.toFixed(2)} (${dev.marked} marked); held-out recall ${held.recall.toFixed(2)} precision ${held.precision.toFixed(2)} (${held.marked} marked)`,
    )
    // floors against regressions, below today's numbers (dev 0.73/0.64, held-out 0.50/0.41)
    expect(dev.recall).toBeGreaterThanOrEqual(0.65)
    expect(held.recall).toBeGreaterThanOrEqual(0.45)
    expect(held.precision).toBeGreaterThanOrEqual(0.35)
  })

  it('on a redacted transcript, no personal-data value reaches the summary', () => {
    for (const f of fixtures) {
      const values = scanPii(f.transcript).map((x) => f.transcript.slice(x.start, x.end))
      const redacted = new Placeholders().apply(f.transcript, scanPii(f.transcript))
      const out = JSON.stringify(summarizeInterview(redacted, f.lang))
      for (const v of values) expect(out, `${f.id}: ${v}`).not.toContain(v)
    }
  })

  it('a synthesis maps each objection to the interviews that raised it, quotes naming their interview', () => {
    const set = fixtures.filter((f) => f.lang === 'en')
    const s = synthesize(
      set.map((f) => ({ id: f.id, segment: f.segment, text: f.transcript })),
      'en',
    )
    expect(s.interviews).toHaveLength(set.length)
    for (const row of s.objectionMap) {
      expect(row.which).toHaveLength(row.interviews)
      const source = set.find((f) => f.id === row.example.interview)!
      expect(source.transcript.slice(row.example.start, row.example.end)).toBe(row.example.text)
      for (const id of row.which)
        expect(
          s.interviews.find((i) => i.id === id)![row.kind === 'objection' ? 'objections' : 'barriers'].some((x) => x.key === row.key),
        ).toBe(true)
    }
    expect(s.objectionMap[0]!.interviews).toBeGreaterThanOrEqual(s.objectionMap.at(-1)!.interviews)
    expect(s.segments.reduce((n, x) => n + x.interviews, 0)).toBe(set.length)
  })
})

describe('copydesk draft (CLI)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-draft-'))
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin', 'copydesk.mjs'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, OPENAI_API_KEY: '' },
    })

  it('interview_summary quotes the redacted transcript (what `pii redact` prints) and never a value', () => {
    const f = fixtures.find((x) => x.id === 'ru-10')!
    const file = path.join(dir, 'brief.json')
    fs.writeFileSync(file, JSON.stringify({ kind: 'interview_summary', transcript: f.transcript }))
    const txt = path.join(dir, 'transcript.txt')
    fs.writeFileSync(txt, f.transcript)
    const redacted = cli('pii', 'redact', txt).stdout
    const r = cli('draft', '--kind', 'interview_summary', '--brief', file, '--json')
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    for (const key of ['insights', 'needs', 'objections', 'barriers', 'quotes']) expect(Array.isArray(out[key])).toBe(true)
    expect(out.objections.length).toBeGreaterThan(0)
    for (const q of [...out.quotes, ...out.objections.flatMap((o: { quotes: Quote[] }) => o.quotes)]) {
      expect(redacted.slice(q.start, q.end)).toBe(q.text)
      expect(typeof q.speaker).toBe('string')
    }
    const values = scanPii(f.transcript).map((x) => f.transcript.slice(x.start, x.end))
    expect(values.length).toBeGreaterThan(0)
    for (const v of values) expect(r.stdout).not.toContain(v)
  })

  it('offer: five parts, a one-liner, and "proof_needed" where the brief gives no proof', () => {
    const file = path.join(dir, 'offer.json')
    fs.writeFileSync(
      file,
      JSON.stringify({
        audience: 'owners of online shops',
        task: 'cut returns',
        offer: 'a virtual fitting service',
        inputs: { timeframe: '2 weeks' },
      }),
    )
    const r = cli('draft', '--kind', 'offer', '--brief', file, '--json')
    expect(r.status, r.stderr).toBe(0)
    const { offers } = JSON.parse(r.stdout)
    expect(offers.length).toBeGreaterThan(1)
    for (const o of offers) {
      for (const k of ['forWhom', 'task', 'timeframe', 'method', 'difference', 'oneLiner']) expect(o[k], k).toMatch(/\S/)
      expect(o.proofs).toEqual([expect.objectContaining({ status: 'proof_needed' })])
    }
  })

  it('offer: personal data in any field or input is redacted before drafting', () => {
    const file = path.join(dir, 'offer-pii.json')
    fs.writeFileSync(
      file,
      JSON.stringify({ audience: 'для Иванова Ивана Петровича', task: 'b', offer: 'c', inputs: { product: 'звоните +7 916 123-45-67' } }),
    )
    const r = cli('draft', '--kind', 'offer', '--brief', file, '--json')
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).not.toMatch(/Иванов|916 123/)
    expect(r.stdout).toContain('[PHONE_1]')
  })

  it('a bad brief file is a clear error, not a crash', () => {
    const file = path.join(dir, 'bad.json')
    fs.writeFileSync(file, '{ not json')
    const r = cli('draft', '--kind', 'interview_summary', '--brief', file)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/not JSON/)
    const none = cli('draft', '--kind', 'interview_summary', '--brief', path.join(dir, 'missing.json'))
    expect(none.stderr).toMatch(/no such file/)
  })
})
