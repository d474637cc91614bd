import type { PiiType } from '../../contracts/pii'

export { PII_TYPES, type PiiType } from '../../contracts/pii'

/** One piece of personal data: offsets are JavaScript string indices into the scanned text. */
export type PiiFinding = {
  type: PiiType
  start: number
  end: number
  /** Which detector found it (for the quality report and the writer's false-positive review). */
  detector: string
  /** 0..1: checksum-valid ids and cue-backed findings are near 1. */
  confidence: number
  /**
   * A company's public contact or registration (role mailbox, toll-free line, an organisation's
   * INN or OGRN): `pii scan` reports it, but it is not a person's data, so the policy neither
   * redacts it from briefs nor blocks a draft for it.
   */
  company?: boolean
}

export type PiiDetector = (text: string) => PiiFinding[]
