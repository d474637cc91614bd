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
