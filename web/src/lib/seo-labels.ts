import type { Translate } from '../i18n'

/** A skipped row of a keyword export (contracts/drafts.ts SeoImportProblem); an unknown kind is shown as sent. */
export function seoProblemLabel(problem: string, t: Translate): string {
  switch (problem) {
    case 'empty_keyword':
    case 'bad_frequency':
    case 'duplicate':
      return t(`seo.problem.${problem}`)
    default:
      return problem
  }
}

/** What is wrong with the row, in the UI's language; rows stored before `params` existed keep their English detail. */
export function seoProblemDetail(p: { problem: string; detail: string; params?: Record<string, string | number> }, t: Translate): string {
  if (!p.params) return p.detail
  switch (p.problem) {
    case 'empty_keyword':
    case 'bad_frequency':
    case 'duplicate':
      return t(`seo.problemDetail.${p.problem}`, p.params)
    default:
      return p.detail
  }
}
