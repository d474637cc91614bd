// The offline drafting engines: how fast, and what the headline sets look like across the
// fixture briefs and channels (a writer waits for these; a model call takes seconds).
import { HeadlinesDraft, InterviewDraft } from '../contracts/drafts'
import { headlinesKind } from '../server/drafting/headlines'
import { BRIEFS, LIMITS } from '../server/drafting/headlines/fixtures'
import { interviewKind } from '../server/drafting/interview'
import type { DraftingBriefOf, DraftingKind, DraftingTask } from '../server/drafting/types'
import { loadInterviews } from '../test/helpers/interviews'
import { fmt, summarize } from './stats'

const offline = <T>(kind: DraftingKind<T>, task: DraftingTask): T =>
  kind.combine(
    kind.calls(task).map((c) => c.offline()),
    task,
  )
const task = (brief: DraftingTask['brief'], headlineMaxLength = 70): DraftingTask => ({
  brief,
  feedback: null,
  previous: null,
  limits: { headlineMaxLength },
})

function time<T>(n: number, fn: () => T): { ms: number[]; last: T } {
  const ms: number[] = []
  let last!: T
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    last = fn()
    ms.push(performance.now() - t0)
  }
  return { ms, last }
}

export function printDrafting() {
  console.log('## offline drafting engines')
  console.log('| what | n | p50 ms | p95 ms | result |')
  console.log('|---|---:|---:|---:|---|')
  const sets: HeadlinesDraft[] = []
  const hMs: number[] = []
  for (const brief of Object.values(BRIEFS)) {
    for (const [channel, limit] of Object.entries(LIMITS)) {
      const r = time(3, () => HeadlinesDraft.parse(offline(headlinesKind, task({ ...brief, channel }, limit))))
      hMs.push(...r.ms)
      sets.push(r.last)
    }
  }
  const h = summarize(hMs)
  const avg = (f: (d: HeadlinesDraft) => number) => fmt(sets.reduce((n, d) => n + f(d), 0) / sets.length)
  const within = sets.every((d) => d.headlines.every((x) => x.length <= d.maxLength))
  console.log(
    `| headlines: ${Object.keys(BRIEFS).length} briefs × ${Object.keys(LIMITS).length} channels | ${h.n} | ${fmt(h.p50)} | ${fmt(h.p95)} | ${avg((d) => d.headlines.length)} headlines, ${avg((d) => new Set(d.headlines.map((x) => x.angle)).size)} angles, distinct-2 ${avg((d) => d.distinct2)} (min ${fmt(Math.min(...sets.map((d) => d.distinct2)))}), all within the limit: ${within} |`,
  )

  const interviews = loadInterviews()
  const chars = interviews.reduce((n, f) => n + f.transcript.length, 0)
  const one = time(1, () =>
    interviews.map((f) => InterviewDraft.parse(offline(interviewKind, task({ ...brief(f.lang), inputs: { transcript: f.transcript } })))),
  )
  const perMs = summarize(
    time(5, () => offline(interviewKind, task({ ...brief('en'), inputs: { transcript: interviews[0]!.transcript } }))).ms,
  )
  console.log(
    `| interview summary, one transcript (${interviews[0]!.transcript.length} chars) | ${perMs.n} | ${fmt(perMs.p50)} | ${fmt(perMs.p95)} | ${fmt(chars / 1024 / (one.ms[0]! / 1000))} KB/s over all ${interviews.length} |`,
  )
  const syn = time(3, () =>
    InterviewDraft.parse(
      offline(
        interviewKind,
        task({ ...brief('ru'), inputs: { transcripts: interviews.map((f) => ({ id: f.id, segment: f.segment, text: f.transcript })) } }),
      ),
    ),
  )
  const s = summarize(syn.ms)
  console.log(
    `| synthesis of ${interviews.length} interviews (${Math.round(chars / 1024)} KB) | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | objection map ${syn.last.objectionMap.length} topics, ${syn.last.objectionMap.filter((r) => r.interviews >= 3).length} raised in 3+ interviews |`,
  )
}

const brief = (lang: 'ru' | 'en'): Omit<DraftingBriefOf<'interview_summary'>, 'inputs'> => ({
  kind: 'interview_summary',
  title: 'Bench',
  audience: 'customers',
  task: 'why they churn',
  offer: 'our product',
  format: 'summary',
  channel: 'internal',
  deadline: '2026-12-01',
  qualityCriteria: '-',
  successMetrics: '-',
  lang,
})
