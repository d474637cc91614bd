import type { BriefKind } from '../../contracts/briefs'
import { headlinesKind } from './headlines'
import { interviewKind } from './interview'
import { offerKind } from './offer'
import { seoKind } from './seo'
import type { DraftingKind } from './types'

/** Every brief kind has its drafting module: a new kind does not compile until it has one. */
const KINDS: Record<BriefKind, DraftingKind<unknown, unknown>> = {
  offer: offerKind,
  headlines: headlinesKind,
  interview_summary: interviewKind,
  seo_clusters: seoKind,
}

export const draftingKind = (kind: BriefKind): DraftingKind<unknown, unknown> => KINDS[kind]
