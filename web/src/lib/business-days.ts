import type { Lang } from '../../../contracts/briefs'
import type { Translate } from '../i18n'

/** "1 business day", "2 business days", «1 рабочий день», «3 рабочих дня», «5 рабочих дней». */
export function businessDays(n: number, t: Translate, lang: Lang): string {
  const form = new Intl.PluralRules(lang).select(n)
  const key = form === 'one' || form === 'few' || form === 'many' ? form : 'other'
  return t(`common.businessDays.${key}`, { n })
}
