import { englishOf, type Reason, type RefusalParams, refuse } from '../refusals'
import type { Policy } from '../policy/load'
import { findPersonalData } from '../policy/pii-guard'

export const MAX_TAG_LENGTH = 40
type TagReason = Extract<Reason, `tag.${string}`>
/** A label, not a note: letters and digits in any script, and a few joiners. */
const TAG_SHAPE = /^[\p{L}\p{N}][\p{L}\p{N} _#+&./-]*$/u

/** One spelling per tag: compatibility forms folded, spaces collapsed, lower case. */
export function normaliseTag(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The stored form of a tag the user typed, or a 400 saying what is wrong with it. */
export function validTag(policy: Policy, raw: string): string {
  const tag = normaliseTag(raw)
  // the field's problem is what follows "the tag is invalid: "
  const bad = (reason: TagReason, params: RefusalParams = {}) =>
    refuse(reason, params, [{ path: 'tag', message: englishOf(reason, params).replace(/^the tag is invalid: /, '') }])
  if (tag.length === 0) throw bad('tag.required')
  if (tag.length > MAX_TAG_LENGTH) throw bad('tag.too_long', { max: MAX_TAG_LENGTH })
  if (!TAG_SHAPE.test(tag)) throw bad('tag.shape')
  // checked as typed: the name detectors look at capitalisation
  if (findPersonalData(policy, raw.trim()).length > 0) throw bad('tag.personal_data')
  return tag
}
