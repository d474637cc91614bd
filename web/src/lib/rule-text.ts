import type { Lang } from '../../../contracts/briefs'

type InLang = { title: string; explain: string; fix?: string; article?: string }
/** A rule's words as a hit, a mark or the policy view carries them. */
type Said = { rule?: string; explain: string; fix?: string | null; article?: string | null; texts?: { ru: InLang; en: InLang } }
/** A law's citation, with its `lang` where it is cited in another language ("FTC Act §5" in a Russian UI). */
type Article = { text: string; lang: Lang | undefined }
type Words = { title: string | undefined; explain: string; fix: string | undefined; lang: Lang | undefined; article: Article | undefined }

/** The language a text is written in, by its letters (Cyrillic or Latin); undefined for neither. */
export function scriptLang(text: string): Lang | undefined {
  let cyr = 0
  let lat = 0
  for (const ch of text) {
    if (/\p{Script=Cyrillic}/u.test(ch)) cyr++
    else if (/\p{Script=Latin}/u.test(ch)) lat++
  }
  return cyr === 0 && lat === 0 ? undefined : cyr >= lat ? 'ru' : 'en'
}

/**
 * The `lang` attribute for text that is copy rather than UI (a required wording, a trigger word,
 * a model's own words): set only where it differs from the UI's language, for screen readers.
 */
export const langAttr = (text: string, ui: Lang): Lang | undefined => {
  const l = scriptLang(text)
  return l && l !== ui ? l : undefined
}

/**
 * What a rule says, in the UI's language. Hits of older runs and a model reviewer's reasons have
 * one language only: they are shown as written, marked with their language.
 */
export function ruleWords(said: Said, ui: Lang): Words {
  const t = said.texts?.[ui]
  const cited = (t ? t.article : undefined) ?? said.article ?? undefined
  const article = cited ? { text: cited, lang: langAttr(cited, ui) } : undefined
  if (t) return { title: t.title, explain: t.explain, fix: t.fix, lang: undefined, article }
  return { title: undefined, explain: said.explain, fix: said.fix ?? undefined, lang: langAttr(said.explain, ui), article }
}
