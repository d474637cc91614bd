import type { Me } from '../../../contracts/auth'

/**
 * Where a person's work is, the page they land on: a writer on their briefs, the CMO and admins
 * on the dashboard, a reviewer (fact-checker, lawyer, editor) on their queue.
 */
export function homeOf(me: Me): string {
  if (me.roles.includes('writer')) return '/briefs'
  if (me.roles.includes('cmo') || me.roles.includes('admin')) return '/dashboard'
  if (me.roles.includes('factcheck') || me.roles.includes('legal') || me.roles.includes('editor')) return '/reviews'
  return '/briefs'
}
