import type { Role } from '../../../../contracts/roles'

/** Writers rate and tag what they reuse, reviewers what they judged (server/kb/access.ts RATER_ROLES). */
const RATERS: readonly Role[] = ['writer', 'factcheck', 'legal', 'editor']

export const canRate = (roles: readonly Role[]) => roles.some((r) => RATERS.includes(r))
/** Only writers create briefs, so only they start one from a result. */
export const canReuse = (roles: readonly Role[]) => roles.includes('writer')
