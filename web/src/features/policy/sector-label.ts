import type { Lang } from '../../../../contracts/briefs'
import type { PolicyView } from '../../../../contracts/policy'
import type { Translate } from '../../i18n'

export type PolicySector = PolicyView['sectors'][number]

/** The built-in "none of the policy's sectors" (server/policy/schema.ts OTHER_SECTOR). */
export const OTHER_SECTOR = 'other'

/** A sector's label in the UI language (the policy's Russian label when it has one); unknown ids as written. */
export function sectorLabel(id: string, sectors: readonly PolicySector[] | undefined, t: Translate, lang: Lang): string {
  if (id === OTHER_SECTOR) return t('sector.other')
  const s = sectors?.find((x) => x.id === id)
  if (!s) return id
  return lang === 'ru' && s.labelRu ? s.labelRu : s.label
}
