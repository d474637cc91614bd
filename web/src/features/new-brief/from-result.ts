import type { CreateBrief } from '../../../../contracts/briefs'
import { initialValues, type FormValues } from './form-model'

const lines = (items: readonly string[] | undefined) => (items ?? []).join('\n')
const text = (v: string | number | undefined) => (v === undefined ? '' : String(v))

/**
 * A brief body (GET /api/kb/results/:runId/reuse) as the form's fields: the inverse of
 * buildPayload. Fields the body leaves out keep the form's defaults.
 */
export function valuesFromBrief(b: CreateBrief): FormValues {
  const v: FormValues = {
    ...initialValues(),
    title: b.title,
    audience: b.audience,
    task: b.task,
    offer: b.offer,
    format: b.format,
    channel: b.channel,
    deadline: b.deadline,
    qualityCriteria: b.qualityCriteria,
    successMetrics: b.successMetrics,
    factCheckOwner: b.factCheckOwner ?? '',
    lang: b.lang ?? 'auto',
    // Not declared there: the writer of this brief chooses (a sector, "other" or "infer").
    advertised: b.advertised ?? '',
  }
  switch (b.kind) {
    case 'offer':
      return {
        ...v,
        'inputs.product': text(b.inputs.product),
        'inputs.timeframe': text(b.inputs.timeframe),
        'inputs.method': text(b.inputs.method),
        'inputs.differentiator': text(b.inputs.differentiator),
        'inputs.proofs': lines(b.inputs.proofs),
      }
    case 'headlines':
      return { ...v, 'inputs.count': text(b.inputs.count), 'inputs.keyPhrases': lines(b.inputs.keyPhrases) }
    case 'interview_summary': {
      const set = b.inputs.transcripts ?? []
      // one interview is the single-transcript field; a set keeps each interview's name and segment
      if (set.length <= 1) return { ...v, 'inputs.transcript': b.inputs.transcript ?? set[0]?.text ?? '' }
      return { ...v, transcripts: set.map((x, i) => ({ uid: `reused-${i}`, id: x.id ?? '', segment: x.segment ?? '', text: x.text })) }
    }
    case 'seo_clusters':
      return {
        ...v,
        'inputs.keywordsCsv': b.inputs.keywordsCsv,
        'inputs.mode': text(b.inputs.mode),
        'inputs.threshold': text(b.inputs.threshold),
      }
  }
}
