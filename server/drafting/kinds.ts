import type { BriefKind } from '../../contracts/briefs'
import { AppError } from '../errors'
import { headlinesKind } from './headlines'
import { interviewKind } from './interview'
import { offerKind } from './offer'
import { seoKind } from './seo'
import type { DraftingKind } from './types'

const KINDS: Partial<Record<BriefKind, DraftingKind<any>>> = { offer: offerKind, headlines: headlinesKind, interview_summary: interviewKind, seo_clusters: seoKind }

/**
 * The drafting module of a kind; a kind without one is refused with this message rather than
 * producing something that only looks like a draft.
 */
export function draftingKind(kind: BriefKind): DraftingKind<unknown> {
  const k = KINDS[kind]
  if (!k) throw new AppError('bad_request', `drafting of "${kind}" briefs is not available in this version yet; supported: ${SUPPORTED_KINDS.join(', ')}`)
  return k
}

export const SUPPORTED_KINDS = Object.keys(KINDS) as BriefKind[]
