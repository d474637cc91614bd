import type { Lang } from '../../../contracts/briefs'
import { InterviewDraft, type InterviewEntry } from '../../../contracts/drafts'
import { redraftNote } from '../redraft'
import { noPreparation, type DraftingTask, type KindModule } from '../types'
import { asReply, groundReply, interviewReplySchema, numberedTranscript, type InterviewReply } from './grounding'
import { TOPIC_LABELS, TOPICS, type Topic } from './lexicon'
import { sourcesOf } from './sources'
import { summarizeInterview } from './summarize'
import { mapOf, synthesizeSummaries } from './synthesize'
import { parseTranscript } from './transcript'
import { interviewText } from './text'
import { inputsOf } from '../../briefs/kind-inputs'

const sources = (task: DraftingTask) => sourcesOf(inputsOf('interview_summary', task.brief))
const labelOf = (lang: Lang) => (topic: string) =>
  topic in TOPIC_LABELS ? TOPIC_LABELS[topic as Topic][lang] : lang === 'ru' ? 'Другие опасения' : 'Other concerns'

/**
 * Interview summaries: one call per transcript (the model reads one interview at a time), then
 * a deterministic synthesis across the set. Quotes are located by the server in the redacted
 * transcript the model saw; a quote that is not verbatim sends the reply back once.
 */
export const interviewKind: KindModule<'interview_summary', void, InterviewReply> = {
  promptId: 'interview-summary',
  schema: InterviewDraft,
  prepare: noPreparation,
  calls(task) {
    const { brief } = task
    const list = sources(task)
    const none = brief.lang === 'ru' ? '(не указан)' : '(not given)'
    // A redraft shows the previous summary without its transcripts: the model has them below.
    const { previous: last } = task
    const previous = last && typeof last === 'object' ? { ...last, interviews: undefined } : last
    return list.map((s) => ({
      part: list.length > 1 ? s.id : null,
      schemaName: 'InterviewSummary',
      schema: interviewReplySchema(s.text),
      variables: {
        audience: brief.audience,
        task: brief.task,
        offer: brief.offer,
        interview: s.id,
        segment: s.segment ?? none,
        topics: [...TOPICS, 'other'].join(', '),
        transcript: numberedTranscript(s.text),
        feedback: redraftNote({ ...task, previous }),
      },
      offline: (): InterviewReply => asReply(s.text, summarizeInterview(s.text, brief.lang)),
    }))
  },
  combine(replies, task) {
    const lang = task.brief.lang
    const entries: InterviewEntry[] = sources(task).map((s, i) => ({
      id: s.id,
      ...(s.segment ? { segment: s.segment } : {}),
      transcript: s.text,
      speakers: parseTranscript(s.text).speakers,
      ...groundReply(s.text, replies[i]!, labelOf(lang)),
    }))
    if (entries.length > 1) return synthesizeSummaries(entries, lang)
    const [one] = entries as [InterviewEntry]
    return {
      insights: one.insights,
      needs: one.needs,
      objections: one.objections,
      barriers: one.barriers,
      quotes: one.quotes,
      interviews: entries,
      objectionMap: [...mapOf(entries, 'objection'), ...mapOf(entries, 'barrier')],
      segments: [],
      differences: [],
    }
  },
  toText: interviewText,
}
