import type { z } from 'zod'
import { Lang, type BriefKind, type CreateBriefInput } from '../../../../contracts/briefs'
import type { ApiIssue } from '../../lib/fetch-json'
import { ALL_FIELDS, isFieldPath, type FieldPath } from '../../lib/brief-fields'
import type { Translate } from '../../i18n'
import { zodIssueText } from '../../lib/zod-issue-text'

/** Everything the writer typed, as typed: kept per field so switching kind never loses text. */
export type FormValues = Record<FieldPath, string>

export const initialValues = (): FormValues => {
  const values = Object.fromEntries(ALL_FIELDS.map((f) => [f, ''])) as Record<FieldPath, string>
  values.lang = 'auto'
  values['inputs.count'] = '10'
  return values
}

const optional = (s: string) => (s.trim() === '' ? undefined : s)
const lines = (s: string) => {
  const items = s.split('\n').map((l) => l.trim()).filter(Boolean)
  return items.length > 0 ? items : undefined
}
const numberOrUndefined = (s: string) => (s.trim() === '' ? undefined : Number(s))

/** The request body as the user wrote it; CreateBrief (the shared schema) decides whether it is valid. */
export function buildPayload(kind: BriefKind, v: FormValues): CreateBriefInput {
  const common = {
    title: v.title,
    audience: v.audience,
    task: v.task,
    offer: v.offer,
    format: v.format,
    channel: v.channel,
    deadline: v.deadline,
    qualityCriteria: v.qualityCriteria,
    successMetrics: v.successMetrics,
    factCheckOwner: optional(v.factCheckOwner)?.trim(),
    lang: Lang.safeParse(v.lang).data,
  }
  switch (kind) {
    case 'offer':
      return {
        ...common,
        kind,
        inputs: {
          product: optional(v['inputs.product']),
          timeframe: optional(v['inputs.timeframe']),
          method: optional(v['inputs.method']),
          differentiator: optional(v['inputs.differentiator']),
          proofs: lines(v['inputs.proofs']),
        },
      }
    case 'headlines':
      return {
        ...common,
        kind,
        inputs: { count: numberOrUndefined(v['inputs.count']), keyPhrases: lines(v['inputs.keyPhrases']) },
      }
    case 'interview_summary':
      return { ...common, kind, inputs: { transcript: v['inputs.transcript'] } }
    case 'seo_clusters':
      return { ...common, kind, inputs: { keywordsCsv: v['inputs.keywordsCsv'] } }
  }
}

export type FormErrors = { fields: Partial<Record<FieldPath, string>>; other: string[] }
export const noErrors: FormErrors = { fields: {}, other: [] }

/** `inputs.proofs.3` belongs to the `inputs.proofs` control; paths matching no control are listed apart. */
function fieldFor(path: string): FieldPath | null {
  if (isFieldPath(path)) return path
  const owner = ALL_FIELDS.filter((f) => path.startsWith(`${f}.`)).sort((a, b) => b.length - a.length)[0]
  return owner ?? null
}

function collect(items: { path: string; message: string }[]): FormErrors {
  const errors: FormErrors = { fields: {}, other: [] }
  for (const { path, message } of items) {
    const field = fieldFor(path)
    if (field) errors.fields[field] ??= message
    else errors.other.push(path ? `${path}: ${message}` : message)
  }
  return errors
}

export const errorsFromZod = (issues: z.core.$ZodIssue[], t: Translate) =>
  collect(issues.map((i) => ({ path: i.path.map(String).join('.'), message: zodIssueText(i, t) })))

export const errorsFromServer = (issues: ApiIssue[], t: Translate) =>
  collect(issues.map((i) => ({ path: i.path, message: i.message === 'required' ? t('validation.required') : i.message })))
