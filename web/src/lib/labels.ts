import { BriefKind } from '../../../contracts/briefs'
import { Role } from '../../../contracts/roles'
import { GateName } from '../../../contracts/runs'
import type { Translate } from '../i18n'

// The policy view carries roles and gates as plain strings: translate the known ones, show the rest as written.

export function roleLabel(role: string, t: Translate): string {
  const r = Role.safeParse(role)
  return r.success ? t(`role.${r.data}`) : role
}

export function gateLabel(gate: string, t: Translate): string {
  const g = GateName.safeParse(gate)
  return g.success ? t(`gate.${g.data}`) : gate
}

/** "fact-checker, legal" or a dash for an empty list. */
export const roleList = (roles: readonly string[], t: Translate) =>
  roles.length > 0 ? roles.map((r) => roleLabel(r, t)).join(', ') : t('common.none')

const PROMPT_NAMES = ['offer', 'headlines', 'interview-summary', 'seo-clusters', 'risk-review'] as const
type PromptName = (typeof PROMPT_NAMES)[number]
const isPromptName = (id: string): id is PromptName => (PROMPT_NAMES as readonly string[]).includes(id)

/** A shipped prompt by its name ("Оффер"); a prompt an operator added keeps its id. */
export const promptName = (id: string, t: Translate): string => (isPromptName(id) ? t(`prompt.name.${id}`) : id)

/** A draft's or a prompt's version as the UI names it: "v2" / "№ 2". */
export const versionLabel = (version: string | number, t: Translate): string => t('common.version', { version })

/** A brief kind (or the model's risk review, a prompt's kind) by its label; a kind the UI does not know, as written. */
export const kindLabel = (kind: string, t: Translate): string => {
  if (kind === 'risk_review') return t('kind.risk_review')
  const k = BriefKind.safeParse(kind)
  return k.success ? t(`kind.${k.data}`) : kind
}
