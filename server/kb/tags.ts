import { AppError } from '../errors'
import type { Policy } from '../policy/load'
import { findPersonalData } from '../policy/pii-guard'

export const MAX_TAG_LENGTH = 40
/** A label, not a note: letters and digits in any script, and a few joiners. */
const TAG_SHAPE = /^[\p{L}\p{N}][\p{L}\p{N} _#+&./-]*$/u

/** One spelling per tag: compatibility forms folded, spaces collapsed, lower case. */
export function normaliseTag(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The stored form of a tag the user typed, or a 400 saying what is wrong with it. */
export function validTag(policy: Policy, raw: string): string {
  const tag = normaliseTag(raw)
  const bad = (message: string) => new AppError('bad_request', `the tag is invalid: ${message}`, [{ path: 'tag', message }])
  if (tag.length === 0) throw bad('required')
  if (tag.length > MAX_TAG_LENGTH) throw bad(`at most ${MAX_TAG_LENGTH} characters`)
  if (!TAG_SHAPE.test(tag)) throw bad('letters, digits, spaces and _ # + & . / - only, starting with a letter or digit')
  // checked as typed: the name detectors look at capitalisation
  if (findPersonalData(policy, raw.trim()).length > 0) throw bad('a tag cannot hold personal data')
  return tag
}
