import { describe, expect, it } from 'vitest'
import { InterviewDraft } from '../../../contracts/drafts'
import { loadInterviews } from '../../../test/helpers/interviews'
import type { DraftingTask } from '../types'
import { groundReply, interviewReplySchema, locate, numberedTranscript, type InterviewReply } from './grounding'
import { interviewKind } from '.'
import { parseTranscript } from './transcript'

const TEXT =
  'Интервьюер: Что мешало купить?\nКлиент: Дорого. Мы платим за каждого сотрудника, а их сорок.\nИнтервьюер: А ещё?\nКлиент: Боимся, что выгрузка в 1С сломается.'
const brief = (inputs: Record<string, unknown>, lang: 'ru' | 'en' = 'ru'): DraftingTask => ({
  brief: {
    kind: 'interview_summary',
    title: 't',
    audience: 'a',
    task: 't',
    offer: 'o',
    format: 'f',
    channel: 'internal',
    deadline: '2026-12-01',
    qualityCriteria: 'q',
    successMetrics: 's',
    lang,
    inputs,
  },
  feedback: null,
  previous: null,
  limits: { headlineMaxLength: 70 },
})
const reply = (quotes: { turn: number; text: string }[]): InterviewReply => ({
  insights: [{ text: 'Цена на сотрудника', quotes }],
  needs: [],
  objections: [{ topic: 'price', label: 'Цена', quotes }],
  barriers: [],
  quotes,
})

describe('grounding model quotes in the transcript', () => {
  const t = parseTranscript(TEXT)

  it('numbers the turns the model reads, with their speakers', () => {
    expect(numberedTranscript(TEXT).split('\n')).toEqual([
      '[0] Интервьюер: Что мешало купить?',
      '[1] Клиент: Дорого. Мы платим за каждого сотрудника, а их сорок.',
      '[2] Интервьюер: А ещё?',
      '[3] Клиент: Боимся, что выгрузка в 1С сломается.',
    ])
  })

  it('locates a quote in its turn; offsets, speaker and role come from the transcript', () => {
    const q = locate(t, { turn: 1, text: 'Мы платим за каждого сотрудника' })!
    expect(TEXT.slice(q.start, q.end)).toBe('Мы платим за каждого сотрудника')
    expect(q).toMatchObject({ speaker: 'Клиент', role: 'customer' })
    // a wrong turn number is forgiven when the words occur exactly once in the transcript
    expect(locate(t, { turn: 0, text: 'выгрузка в 1С сломается' })).toMatchObject({ speaker: 'Клиент', start: TEXT.indexOf('выгрузка') })
    expect(locate(t, { turn: 1, text: 'Мы платим за сотрудника' })).toBeNull()
  })

  it('rejects a paraphrased quote with a message naming the field, so the model can fix it', () => {
    const bad = interviewReplySchema(TEXT).safeParse(reply([{ turn: 1, text: 'Мы платим за сотрудника' }]))
    expect(bad.success).toBe(false)
    const paths = bad.error!.issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['quotes.0.text', 'insights.0.quotes.0.text', 'objections.0.quotes.0.text']))
    expect(bad.error!.issues[0]!.message).toMatch(/not a verbatim part of turn 1/)
    expect(interviewReplySchema(TEXT).safeParse(reply([{ turn: 1, text: 'Дорого.' }])).success).toBe(true)
  })

  it('grounds every item of a reply into verbatim spans', () => {
    const g = groundReply(
      TEXT,
      reply([
        { turn: 1, text: 'Дорого.' },
        { turn: 3, text: '«Боимся, что выгрузка в 1С сломается.»' },
      ]),
      () => 'x',
    )
    for (const q of [...g.quotes, ...g.objections.flatMap((o) => o.quotes)]) expect(TEXT.slice(q.start, q.end)).toBe(q.text)
    expect(g.objections[0]).toMatchObject({ key: 'price', label: 'Цена' })
    expect(g.quotes).toHaveLength(2)
  })
})

describe('the interview kind on the offline engine (the same check and grounding as a model reply)', () => {
  const fixtures = loadInterviews().slice(0, 4)

  it('one transcript: a summary whose every quote is a verbatim slice, passing the reply schema', () => {
    const f = fixtures[0]!
    const task = brief({ transcript: f.transcript }, f.lang)
    const [call] = interviewKind.calls(task)
    expect(call!.part).toBeNull()
    expect(call!.variables.transcript).toContain('[0] ')
    const offline = call!.offline()
    expect(call!.schema.safeParse(offline).success).toBe(true)
    const d = InterviewDraft.parse(interviewKind.combine([offline], task))
    expect(d.interviews).toHaveLength(1)
    expect(d.interviews[0]!.transcript).toBe(f.transcript)
    const quotes = [...d.quotes, ...d.insights.flatMap((i) => i.quotes), ...d.objections.flatMap((o) => o.quotes)]
    expect(quotes.length).toBeGreaterThan(3)
    for (const q of quotes) expect(f.transcript.slice(q.start, q.end)).toBe(q.text)
    expect(interviewKind.toText(d, f.lang)).toContain(d.quotes[0]!.text)
  })

  it('a set: one call per transcript, then the synthesis with the objection map', () => {
    const task = brief({ transcripts: fixtures.map((f) => ({ id: f.id, segment: f.segment, text: f.transcript })) })
    const calls = interviewKind.calls(task)
    expect(calls.map((c) => c.part)).toEqual(fixtures.map((f) => f.id))
    const d = InterviewDraft.parse(
      interviewKind.combine(
        calls.map((c) => c.offline()),
        task,
      ),
    )
    expect(d.interviews.map((i) => i.id)).toEqual(fixtures.map((f) => f.id))
    expect(d.objectionMap.length).toBeGreaterThan(0)
    for (const row of d.objectionMap) {
      expect(row.which.length).toBe(row.interviews)
      const src = d.interviews.find((i) => i.id === row.example.interview)!
      expect(src.transcript.slice(row.example.start, row.example.end)).toBe(row.example.text)
    }
  })
})
