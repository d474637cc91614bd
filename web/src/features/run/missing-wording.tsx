import type { Draft } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { categoryLabel } from '../../lib/risk-category'
import { langAttr } from '../../lib/rule-text'

/** Wording the policy requires for this channel or topic that the draft does not contain yet. */
export function MissingWording({ items }: { items: Draft['missing'] }) {
  const { t, lang } = useI18n()
  if (items.length === 0) return null
  return (
    <div className="missing-box" data-testid="missing-wordings">
      <h3>{t('risk.missingTitle')}</h3>
      <p className="small muted">{t('risk.addWording')}</p>
      <ul className="missing-list">
        {items.map((m) => (
          <li key={`${m.rule} ${m.requirement}`} data-testid="missing-wording" data-rule={m.rule} data-requirement={m.requirement}>
            <blockquote className="wording-quote" data-testid="missing-wording-text" lang={langAttr(m.wording, lang)}>
              {m.wording}
            </blockquote>
            <p className="small muted">
              {categoryLabel(m.category, t)} · {m.title ? m.title[lang] : <code>{m.requirement}</code>}
              {m.article && (
                <>
                  {' '}
                  · <span lang={langAttr(m.article, lang)}>{m.article}</span>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}
