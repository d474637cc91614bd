import { GATED_TEXTS, type GatedText } from '../../contracts/briefs'
import { withoutDismissed } from './pii-check'
import type { BriefRow } from './queries'
import { classifyOffThread } from '../compute/classify'
import type { Classification } from '../policy/classify'
import type { Policy } from '../policy/load'

/**
 * Kinds the policy lists as internal (`internal_kinds`: interview summaries, keyword plans) are
 * never published as written: a customer saying "our finance team" is not an advertising claim,
 * so only the categories the policy names for them (personal data by default) apply.
 */
export const isInternalKind = (policy: Policy, kind: string) => policy.file.internal_kinds.kinds.includes(kind)

/** How the brief's fields are classified: what it advertises and in which kind of draft. */
export const briefOpts = (brief: BriefRow) => ({ channel: brief.channel, lang: brief.lang, sector: brief.advertised, kind: brief.kind })

/**
 * A draft's text by the policy's rules: its risks, required wording it lacks, and personal data it
 * still holds. Off the API's event loop for long texts (an SEO plan of thousands of keywords):
 * see server/compute.
 */
export async function classifyDraft(policy: Policy, text: string, brief: BriefRow) {
  const c = withoutDismissed(await classifyOffThread(policy, text, briefOpts(brief)), brief)
  return { ...c, piiFindings: c.risks.filter((r) => r.category === 'personal_data').length }
}

/** The text of a brief's fields that its risks are read from (a risky brief gates its drafts). */
export const briefText = (brief: Pick<BriefRow, GatedText | 'inputs'>) =>
  [...GATED_TEXTS.map((key) => brief[key]), JSON.stringify(brief.inputs)].join('\n')

/** The brief's own risks, by the same rules as its drafts. */
export async function classifyBrief(policy: Policy, brief: BriefRow): Promise<Classification> {
  return withoutDismissed(await classifyOffThread(policy, briefText(brief), briefOpts(brief)), brief)
}
