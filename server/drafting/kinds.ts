import type { BriefKind } from '../../contracts/briefs'
import { AppError } from '../errors'
import { offerKind } from './offer'
import type { DraftingKind } from './types'

const KINDS: Partial<Record<BriefKind, DraftingKind<any>>> = { offer: offerKind }

/**
 * The drafting module of a kind. Headlines, interview summaries and SEO clusters get theirs in
 * the drafting and SEO issues; until then a run of those kinds fails with this message rather
 * than producing something that only looks like a draft.
 */
export function draftingKind(kind: BriefKind): DraftingKind<unknown> {
  const k = KINDS[kind]
  if (!k) throw new AppError('bad_request', `drafting of "${kind}" briefs is not available in this version yet; offer briefs are`)
  return k
}

export const SUPPORTED_KINDS = Object.keys(KINDS) as BriefKind[]
