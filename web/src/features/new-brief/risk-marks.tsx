import { createContext, useContext } from 'react'
import { useI18n } from '../../i18n'
import type { ControlPath } from '../../lib/brief-fields'
import { categoryLabel, categorySeverity } from '../../lib/risk-category'
import { langAttr, ruleWords } from '../../lib/rule-text'
import type { ShownMark } from './risk-model'
import './risk-check.css'

/** The risk check's marks by form control; empty outside the brief form. */
export const RiskMarksContext = createContext<ReadonlyMap<ControlPath, readonly ShownMark[]>>(new Map())

/**
 * Under a field: the words the policy marks in it, each with its category and why. Informative
 * only: the brief is submitted whatever they say, and the draft is gated by the same rules.
 */
export function FieldRiskMarks({ path }: { path: ControlPath }) {
  const { t, lang } = useI18n()
  const marks = useContext(RiskMarksContext).get(path)
  if (!marks?.length) return null
  return (
    <ul className="risk-marks" data-testid={`risk-marks-${path}`} aria-label={t('riskCheck.marksLabel')}>
      {marks.map((m) => {
        const words = ruleWords(m, lang)
        return (
          <li
            key={`${m.path}|${m.start}|${m.end}|${m.category}`}
            className={`risk-mark risk-mark-${categorySeverity(m.category)}`}
            data-testid="risk-mark"
            data-path={m.path}
            data-category={m.category}
            data-rule={m.rule}
          >
            <span className={`cat cat-${categorySeverity(m.category)}`}>{categoryLabel(m.category, t)}</span>{' '}
            {m.line !== null && <span className="muted small">{t('riskCheck.line', { n: m.line })}: </span>}
            <mark className={`risk-mark-word risk-${categorySeverity(m.category)}`} lang={langAttr(m.match, lang)}>
              {m.match}
            </mark>{' '}
            — <span lang={words.lang}>{words.explain}</span>
            {words.article && (
              <span className="muted small">
                {' '}
                (<span lang={words.article.lang}>{words.article.text}</span>)
              </span>
            )}
            {words.fix && (
              <span className="risk-mark-fix small">
                <strong>{t('risk.fix')}:</strong> <span lang={words.lang}>{words.fix}</span>
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}
