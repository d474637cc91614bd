import type { Translate } from '../../i18n'
import { parseTranscriptPath, transcriptPath, type TranscriptPart } from '../../lib/brief-fields'
import type { FormIssue, FormValues, TranscriptItem } from './form-model'

/** contracts/briefs.ts InterviewInputs: at most 30 transcripts in one brief. */
export const MAX_TRANSCRIPTS = 30

let made = 0
const newItem = (text = ''): TranscriptItem => ({ uid: `t${Date.now().toString(36)}-${made++}`, id: '', segment: '', text })

/**
 * Where the text at a path is after interviews were added or removed (null: it is gone). The
 * personal-data dismissals are kept by path, so they follow their text instead of being lost.
 */
export type PathRename = (path: string) => string | null
export type Restructured = { values: FormValues; rename: PathRename }

/** One more interview; the first "add" turns the single transcript into the first of a set. */
export function addTranscript(v: FormValues): Restructured {
  if (v.transcripts.length === 0) {
    return {
      values: { ...v, 'inputs.transcript': '', transcripts: [newItem(v['inputs.transcript']), newItem()] },
      rename: (p) => (p === 'inputs.transcript' ? transcriptPath(0, 'text') : p),
    }
  }
  if (v.transcripts.length >= MAX_TRANSCRIPTS) return { values: v, rename: (p) => p }
  return { values: { ...v, transcripts: [...v.transcripts, newItem()] }, rename: (p) => p }
}

/**
 * Removes one interview. Down to one, the form is back to the single transcript: its name and
 * segment only mean something in a set, so they go.
 */
export function removeTranscript(v: FormValues, index: number): Restructured {
  const rest = v.transcripts.filter((_, i) => i !== index)
  const single = rest.length === 1
  const rename: PathRename = (p) => {
    const at = parseTranscriptPath(p)
    if (!at) return p
    if (at.index === index) return null
    if (single) return at.part === 'text' ? 'inputs.transcript' : null
    return transcriptPath(at.index > index ? at.index - 1 : at.index, at.part)
  }
  const values = single ? { ...v, 'inputs.transcript': rest[0]!.text, transcripts: [] } : { ...v, transcripts: rest }
  return { values, rename }
}

export function editTranscript(v: FormValues, index: number, part: TranscriptPart, value: string): FormValues {
  return { ...v, transcripts: v.transcripts.map((x, i) => (i === index ? { ...x, [part]: value } : x)) }
}

/** A saved set of one (never written, but storage is not trusted) is a single transcript again. */
export function normalizeTranscripts(v: FormValues): FormValues {
  const only = v.transcripts.length === 1 ? v.transcripts[0] : undefined
  return only ? { ...v, 'inputs.transcript': v['inputs.transcript'] || only.text, transcripts: [] } : v
}

/** The objection map names interviews by id and quotes point back by it: two of one name would mix. */
export function duplicateNames(items: readonly TranscriptItem[], t: Translate): FormIssue[] {
  const seen = new Set<string>()
  const issues: FormIssue[] = []
  items.forEach((x, i) => {
    const id = x.id.trim()
    if (id === '') return
    if (seen.has(id)) issues.push({ path: transcriptPath(i, 'id'), message: t('form.duplicateTranscriptId') })
    seen.add(id)
  })
  return issues
}

/** Segments the writer might mean, then the ones already typed, so one segment is spelt one way. */
export function segmentSuggestions(items: readonly TranscriptItem[], t: Translate): string[] {
  const presets = [t('segment.new'), t('segment.churned'), t('segment.loyal'), t('segment.trial')]
  return [...new Set([...presets, ...items.map((x) => x.segment.trim()).filter(Boolean)])]
}
