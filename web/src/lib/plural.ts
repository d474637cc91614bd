import type { Lang } from '../../../contracts/briefs'
import type { MessageKey, Translate } from '../i18n'

type Form = 'one' | 'few' | 'many' | 'other'
/** Message families with a key per plural form (`seo.n.keywords.one` …); English fills few/many like other. */
type BaseOf<K> = K extends `${infer B}.one` ? B : never
type PluralBase = BaseOf<MessageKey>

/** "1 keyword", "5 keywords"; «1 запрос», «3 запроса», «5 запросов». */
export function plural(base: PluralBase, n: number, t: Translate, lang: Lang): string {
  const form = new Intl.PluralRules(lang).select(n)
  const key: Form = form === 'one' || form === 'few' || form === 'many' ? form : 'other'
  return t(`${base}.${key}`, { n: n.toLocaleString(lang) })
}
