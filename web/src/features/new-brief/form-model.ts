import type { z } from 'zod'
import { Lang, type BriefKind, type CreateBriefInput, type SeoImportProblem } from '../../../../contracts/briefs'
import type { ApiIssue } from '../../lib/fetch-json'
import { ALL_FIELDS, isControlPath, TRANSCRIPTS_PATH, type ControlPath, type FieldPath } from '../../lib/brief-fields'
import type { Translate } from '../../i18n'
import { zodIssueText } from '../../lib/zod-issue-text'
import { issueText } from '../../lib/error-text'
import { isSeoMode, type SeoImport } from './seo-model'

/** One interview of a set as typed; `uid` keeps its controls apart while others are added and removed. */
export type TranscriptItem = { uid: string; id: string; segment: string; text: string }

/**
 * Everything the writer typed, as typed: kept per field so switching kind never loses text.
 * `transcripts` is empty while the brief has one interview (in `inputs.transcript`), else two or more.
 * `seoImport` is the last uploaded keyword export; it describes the keywords text while that is its CSV.
 */
export type FormValues = Record<FieldPath, string> & { transcripts: readonly TranscriptItem[]; seoImport: SeoImport | null }

export const initialValues = (): FormValues => {
  const fields = Object.fromEntries(ALL_FIELDS.map((f) => [f, ''])) as Record<FieldPath, string>
  return { ...fields, lang: 'auto', 'inputs.count': '10', transcripts: [], seoImport: null }
}

/** The upload summary while the keywords text is still the uploaded file's; null once it was edited. */
export const currentSeoImport = (v: FormValues): SeoImport | null =>
  v.seoImport !== null && v.seoImport.csv === v['inputs.keywordsCsv'] ? v.seoImport : null

/**
 * "What is advertised?": '' until the writer chooses (the form asks for a choice), INFER for
 * "not sure: infer from the text" (sent as no value), else a sector id of the policy or "other".
 */
export const INFER_SECTOR = ':infer'
/** The API's `advertised`: none for "not chosen" and for "infer". */
export const advertisedOf = (v: string) => (v === '' || v === INFER_SECTOR ? undefined : v)

/** What the shared schema cannot see: the form wants an explicit choice of what is advertised (the API does not). */
export const advertisedIssues = (v: FormValues, t: Translate): FormIssue[] =>
  v.advertised === '' ? [{ path: 'advertised', message: t('validation.chooseAdvertised') }] : []

const optional = (s: string) => (s.trim() === '' ? undefined : s)
const lines = (s: string) => {
  const items = s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
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
    advertised: advertisedOf(v.advertised),
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
      // One interview is the simple case the server has always had; a set goes as a list.
      return v.transcripts.length === 0
        ? { ...common, kind, inputs: { transcript: v['inputs.transcript'] } }
        : {
            ...common,
            kind,
            inputs: { transcripts: v.transcripts.map((x) => ({ id: optional(x.id), segment: optional(x.segment), text: x.text })) },
          }
    case 'seo_clusters':
      return {
        ...common,
        kind,
        inputs: {
          keywordsCsv: v['inputs.keywordsCsv'],
          // "auto" (empty): the server picks serp-weighted when the export has result URLs, lexical otherwise.
          mode: isSeoMode(v['inputs.mode']) ? v['inputs.mode'] : undefined,
          threshold: numberOrUndefined(v['inputs.threshold']),
          // the rows the upload skipped, by the file's own lines, go with the brief into the draft
          importProblems: (currentSeoImport(v)?.problems.length ? currentSeoImport(v)!.problems : undefined) as
            | SeoImportProblem[]
            | undefined,
        },
      }
  }
}

export type FormErrors = { fields: Partial<Record<ControlPath, string>>; other: string[] }
export const noErrors: FormErrors = { fields: {}, other: [] }

/** The same errors without the ones `stale` picks (their controls were edited); the same object when none is. */
export function withoutErrors(errors: FormErrors, stale: (path: string) => boolean): FormErrors {
  const kept = Object.entries(errors.fields).filter(([path]) => !stale(path))
  return kept.length === Object.keys(errors.fields).length ? errors : { ...errors, fields: Object.fromEntries(kept) }
}

const OWNERS: readonly ControlPath[] = [...ALL_FIELDS, TRANSCRIPTS_PATH]

/** `inputs.proofs.3` belongs to the `inputs.proofs` control; paths matching no control are listed apart. */
export function fieldFor(path: string): ControlPath | null {
  if (isControlPath(path)) return path
  const owner = OWNERS.filter((f) => path.startsWith(`${f}.`)).sort((a, b) => b.length - a.length)[0]
  return owner ?? null
}

export type FormIssue = { path: string; message: string }

function collect(items: FormIssue[]): FormErrors {
  const errors: FormErrors = { fields: {}, other: [] }
  for (const { path, message } of items) {
    const field = fieldFor(path)
    if (field) errors.fields[field] ??= message
    else errors.other.push(path ? `${path}: ${message}` : message)
  }
  return errors
}

/** The shared schema's issues, then the form's own (`extra`: what the schema cannot see, like two interviews of one name). */
export const errorsFromZod = (issues: z.core.$ZodIssue[], t: Translate, extra: FormIssue[] = []) =>
  collect([...issues.map((i) => ({ path: i.path.map(String).join('.'), message: zodIssueText(i, t) })), ...extra])

export const errorsFromServer = (issues: ApiIssue[], t: Translate) =>
  collect(issues.map((i) => ({ path: i.path, message: issueText(i, t) })))
