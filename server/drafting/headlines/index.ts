import { HEADLINE_ANGLES, HeadlinesDraft } from '../../../contracts/drafts'
import { examplesNote, redraftNote } from '../redraft'
import { noPreparation, type DraftingTask, type KindModule } from '../types'
import { finishHeadlines } from './finish'
import { headlinesOffline } from './offline'
import type { FinishOptions, RawHeadlines } from './schema'
import { headlinesMissing } from './terms'
import { headlinesReplySchema } from './validate'
import { inputsOf } from '../../briefs/kind-inputs'

const optionsOf = ({ brief, limits }: DraftingTask): FinishOptions => ({
  count: inputsOf('headlines', brief).count,
  maxLength: limits.headlineMaxLength,
  channel: brief.channel,
  lang: brief.lang,
  missing: headlinesMissing(brief),
})

/**
 * Headline hypotheses for A/B tests. The model (or the offline templates) proposes texts with the
 * angle each tests; code counts lengths against the channel's limit, drops near-duplicates,
 * measures distinct-2 and picks the A/B pair. Too few usable headlines sends the reply back once.
 */
export const headlinesKind: KindModule<'headlines', void, RawHeadlines> = {
  promptId: 'headlines',
  schema: HeadlinesDraft,
  prepare: noPreparation,
  takesExamples: true,
  calls(task) {
    const opts = optionsOf(task)
    const { brief } = task
    const keyPhrases = inputsOf('headlines', brief).keyPhrases ?? []
    return [
      {
        part: null,
        schemaName: 'HeadlinesReply',
        schema: headlinesReplySchema(opts),
        variables: {
          // a few more than asked: near-duplicates and over-long ones are dropped by code
          count: String(Math.min(30, Math.ceil(opts.count * 1.5))),
          maxLength: String(opts.maxLength),
          channel: brief.channel,
          angles: HEADLINE_ANGLES.join(', '),
          audience: brief.audience,
          task: brief.task,
          offer: brief.offer,
          keyPhrases: keyPhrases.length ? keyPhrases.join('; ') : brief.lang === 'ru' ? '(не указаны)' : '(none given)',
          qualityCriteria: brief.qualityCriteria,
          feedback: redraftNote(task),
          examples: examplesNote(task),
        },
        offline: () => headlinesOffline(brief, opts),
      },
    ]
  },
  combine: (replies, task) => finishHeadlines(replies[0]!, optionsOf(task)),
  // One headline a line: what the risk rules read and the reviewer copies (angles and lengths are in the table).
  toText: (d) => d.headlines.map((h) => h.text).join('\n'),
}
