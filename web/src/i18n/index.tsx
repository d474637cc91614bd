import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { Lang } from '../../../contracts/briefs'
import { fillTemplate } from '../../../contracts/fill'
import { en } from './en'
import { ru, type MessageKey, type Messages } from './ru'

export type { MessageKey } from './ru'
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

const MESSAGES: Record<Lang, Messages> = { ru, en }

/** Each UI language by its own name, as a language switcher lists them (with their `lang`). */
export const LANG_AUTONYMS: Record<Lang, string> = { ru: 'Русский', en: 'English' }
const STORAGE_KEY = 'copydesk.lang'

/** Saved choice first; otherwise Russian for Russian browsers, English for everyone else. */
function initialLang(): Lang {
  try {
    const saved = Lang.safeParse(window.localStorage.getItem(STORAGE_KEY))
    if (saved.success) return saved.data
  } catch {
    // Storage can be unavailable (privacy mode); fall back to the browser language.
  }
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

type I18n = { lang: Lang; setLang: (lang: Lang) => void; t: Translate }

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang)

  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])

  const setLang = useCallback((next: Lang) => {
    setLangState(next)
    try {
      window.localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  }, [])

  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[lang]
    return { lang, setLang, t: (key, vars) => fillTemplate(messages[key], vars) }
  }, [lang, setLang])

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext)
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>')
  return ctx
}
