import type { BriefKind, Lang } from '../../contracts/briefs'
import type { DraftContent, KindContent } from '../../contracts/drafts'
import type { KindInputs } from '../../contracts/briefs'
import { headlinesKind } from './headlines'
import { interviewKind } from './interview'
import { offerKind } from './offer'
import { seoKind } from './seo'
import type { DraftFile, KindModule } from './types'

/**
 * The registry: every brief kind has its module (a new kind does not compile until it has one).
 * Typed per kind, so a draft's or brief's kind picks the entry its content and inputs fit.
 */
const KINDS: { [K in BriefKind]: KindModule<K, unknown, unknown> } = {
  offer: offerKind,
  headlines: headlinesKind,
  interview_summary: interviewKind,
  seo_clusters: seoKind,
}

export const draftingKind = <K extends BriefKind>(kind: K): KindModule<K, unknown, unknown> => KINDS[kind]

/** Whether a kind's prompt shows approved results as examples. */
export const takesExamples = (kind: BriefKind): boolean => KINDS[kind].takesExamples === true

/** The claims a draft cites as given, for the fact check (an offer's proofs); none for most kinds. */
export const givenProofs = <K extends BriefKind>(draft: KindContent<K>): string[] => KINDS[draft.kind].givenProofs?.(draft.content) ?? []

/** Whether drafts of `kind` are edited as structure (revise) rather than as text. */
export const editedAsStructure = (kind: BriefKind): boolean => KINDS[kind].revise !== undefined

/** The draft revised by a structural edit, with the text that follows from it; undefined when its kind is edited as text. */
export function reviseDraft<K extends BriefKind>(
  draft: KindContent<K>,
  proposed: unknown,
  lang: Lang,
): { content: DraftContent<K>; text: string } | undefined {
  const kind = KINDS[draft.kind]
  const content = kind.revise?.(draft.content, proposed)
  return content === undefined ? undefined : { content, text: kind.toText(content, lang) }
}

/** The draft as a file; undefined when its kind has no export. */
export const exportDraft = <K extends BriefKind>(
  draft: KindContent<K>,
  format: 'csv' | 'xlsx',
  lang: Lang = 'en',
): Promise<DraftFile> | undefined => KINDS[draft.kind].exportFile?.(draft.content, format, lang)

/** A reused brief's inputs (what an earlier brief of the kind had, less what belonged to that brief alone). */
export const reuseInputs = <K extends BriefKind>(brief: KindInputs<K>) => KINDS[brief.kind].reuseInputs?.(brief.inputs) ?? brief.inputs
