import { withoutDismissed } from '../briefs/pii-check'
import type { BriefRow } from '../briefs/queries'
import { classifyOffThread } from '../compute/classify'
import { classify, type Classification } from '../policy/classify'
import type { Policy } from '../policy/load'

/**
 * Interview summaries are internal research, never published: a customer saying "our finance
 * team" or "two years" is not an advertising claim, so the advertising rules do not gate them.
 * The personal-data rules do.
 */
export const isResearch = (kind: string) => kind === 'interview_summary'

/** What of a classification applies to drafts of this kind. */
export function forKind(kind: string, c: Classification): Classification {
  if (!isResearch(kind)) return c
  return { ...c, risks: c.risks.filter((r) => r.category === 'personal_data'), categories: c.categories.filter((k) => k === 'personal_data'), missing: [] }
}

/** A draft's text by the policy's rules: its risks, required wording it lacks, and personal data it still holds. */
/** Off the API's event loop for long texts (an SEO plan of thousands of keywords): see server/compute. */
export async function classifyDraft(policy: Policy, text: string, brief: BriefRow) {
  const c = forKind(brief.kind, withoutDismissed(await classifyOffThread(policy, text, { channel: brief.channel, lang: brief.lang }), brief))
  return { ...c, piiFindings: c.risks.filter((r) => r.category === 'personal_data').length }
}
