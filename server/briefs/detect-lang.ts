import type { Lang } from '../../contracts/briefs'

/** Russian when Cyrillic letters outnumber Latin ones in the brief's prose. */
export function detectLang(...texts: string[]): Lang {
  const s = texts.join(' ')
  const cyr = s.match(/\p{Script=Cyrillic}/gu)?.length ?? 0
  const lat = s.match(/\p{Script=Latin}/gu)?.length ?? 0
  return cyr >= lat && cyr > 0 ? 'ru' : 'en'
}
