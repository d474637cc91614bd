import { withoutDismissed } from '../briefs/pii-check'
import type { BriefRow } from '../briefs/queries'
import { classify } from '../policy/classify'
import type { Policy } from '../policy/load'

/** A draft's text by the policy's rules: its risks, required wording it lacks, and personal data it still holds. */
export function classifyDraft(policy: Policy, text: string, brief: BriefRow) {
  const c = withoutDismissed(classify(policy, text, { channel: brief.channel, lang: brief.lang }), brief)
  return { ...c, piiFindings: c.risks.filter((r) => r.category === 'personal_data').length }
}
