import { OfferDraft } from '../../../contracts/runs'
import { offerOffline } from './offline'
import { examplesNote, redraftNote } from '../redraft'
import { noPreparation, type DraftingTask, type KindModule } from '../types'
import { inputsOf } from '../../briefs/kind-inputs'

const NONE = { ru: '(не указано)', en: '(not given)' }

export const offerKind: KindModule<'offer', void, OfferDraft> = {
  promptId: 'offer',
  schema: OfferDraft,
  prepare: noPreparation,
  takesExamples: true,
  calls: (task) => [
    { part: null, schemaName: 'OfferDraft', schema: OfferDraft, variables: variables(task), offline: () => offerOffline(task) },
  ],
  // the reply is the draft: the provider checked it against OfferDraft
  combine: (replies) => replies[0]!,
  // a proof the brief supplied is still a claim to verify
  givenProofs: (draft) => draft.proofs.filter((p) => p.status === 'given').map((p) => p.claim),
  toText(out, lang) {
    const h =
      lang === 'ru'
        ? {
            v: 'Вариант',
            who: 'Для кого',
            task: 'Задача',
            when: 'Срок',
            how: 'Метод',
            diff: 'Отличие',
            proofs: 'Доказательства',
            needed: 'нужно доказательство',
            missing: 'Не хватает в брифе',
          }
        : {
            v: 'Variant',
            who: 'For whom',
            task: 'Task',
            when: 'Timeframe',
            how: 'Method',
            diff: 'Difference',
            proofs: 'Proofs',
            needed: 'proof needed',
            missing: 'Missing from the brief',
          }
    const blocks = out.variants.map((v, n) =>
      [
        `${h.v} ${n + 1}: ${v.oneLiner}`,
        `  ${v.pitch}`,
        `  ${h.who}: ${v.forWhom}`,
        `  ${h.task}: ${v.task}`,
        `  ${h.when}: ${v.timeframe}`,
        `  ${h.how}: ${v.method}`,
        `  ${h.diff}: ${v.difference}`,
      ].join('\n'),
    )
    blocks.push(`${h.proofs}:\n${out.proofs.map((p) => `  - ${p.claim}${p.status === 'needed' ? ` (${h.needed})` : ''}`).join('\n')}`)
    if (out.missing.length) blocks.push(`${h.missing}:\n${out.missing.map((m) => `  - ${m}`).join('\n')}`)
    return blocks.join('\n\n')
  },
}

function variables(task: DraftingTask): Record<string, string> {
  const { brief } = task
  const i = inputsOf('offer', brief)
  const none = NONE[brief.lang]
  return {
    audience: brief.audience,
    task: brief.task,
    offer: brief.offer,
    product: i.product || none,
    timeframe: i.timeframe || none,
    method: i.method || none,
    differentiator: i.differentiator || none,
    proofs: i.proofs?.length ? i.proofs.map((p) => `- ${p}`).join('\n') : none,
    format: brief.format,
    channel: brief.channel,
    qualityCriteria: brief.qualityCriteria,
    feedback: redraftNote(task),
    examples: examplesNote(task),
  }
}
