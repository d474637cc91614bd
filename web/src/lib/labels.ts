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
