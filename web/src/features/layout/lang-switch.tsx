import { Lang } from '../../../../contracts/briefs'
import { LANG_AUTONYMS, useI18n } from '../../i18n'

export function LangSwitch() {
  const { lang, setLang, t } = useI18n()
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('lang.label')}</span>
      <select
        data-testid="lang-switch"
        value={lang}
        onChange={(e) => {
          const next = Lang.safeParse(e.target.value)
          if (next.success) setLang(next.data)
        }}
      >
        {Lang.options.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANG_AUTONYMS[l]}
          </option>
        ))}
      </select>
    </label>
  )
}
