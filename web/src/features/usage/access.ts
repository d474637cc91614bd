import type { Role } from '../../../../contracts/roles'

/** Who sees everyone's AI usage (server/usage/routes.ts WHOLE_LOG); everyone else sees their own. */
export const seesWholeLog = (roles: readonly Role[]) => roles.includes('cmo') || roles.includes('admin')
