import type { RiskHit } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { categoryLabel, categorySeverity } from '../../lib/risk-category'
import { langAttr, ruleWords } from '../../lib/rule-text'
import { groupRisks } from './risk-spans'

const RANK = { high: 0, medium: 1, low: 2 } as const

/** One item per rule that fired, loudest first: what it matched, why it matters, how to fix it. */
export function RiskList({ risks }: { risks: RiskHit[] }) {
  const { t, lang } = useI18n()
  const groups = groupRisks(risks).sort((a, b) => RANK[categorySeverity(a.category)] - RANK[categorySeverity(b.category)])
  if (groups.length === 0)
    return (
      <p className="muted" data-testid="risk-none">
        {t('risk.none')}
      </p>
    )

  return (
    <ul className="risk-list">
      {groups.map((g) => {
        const severity = categorySeverity(g.category)
        const words = ruleWords(g, lang)
        return (
          <li
            key={`${g.category} ${g.rule}`}
            className={`risk-item risk-item-${severity}`}
            data-testid="risk-item"
            data-category={g.category}
            data-rule={g.rule}
          >
            <div className="rule-head">
              <span className={`cat cat-${severity}`}>{categoryLabel(g.category, t)}</span>
              {words.title ? <strong className="rule-title">{words.title}</strong> : <code className="rule-id">{g.rule}</code>}
            </div>
            {words.article && (
              <p className="rule-article" lang={words.article.lang}>
                {words.article.text}
              </p>
            )}
            {g.matches.length > 0 && (
              <p className="chips">
                <span className="visually-hidden">{t('risk.matched')}: </span>
                {g.matches.map((m) => (
                  <span key={m.text} className={`chip chip-match risk-${severity}`} lang={langAttr(m.text, lang)}>
                    «{m.text}»{m.count > 1 && <span className="muted"> ×{m.count}</span>}
                  </span>
                ))}
              </p>
            )}
            {g.missing && (
              <p className="small">
                <span className="badge badge-needed">{t('risk.missingInText')}</span>
              </p>
            )}
            <p className="rule-explain" lang={words.lang}>
              {words.explain}
            </p>
            {words.fix && (
              <p className="rule-fix">
                <strong>{t('risk.fix')}:</strong> <span lang={words.lang}>{words.fix}</span>
              </p>
            )}
          </li>
        )
      })}
    </ul>
  )
}
