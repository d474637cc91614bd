import type { PolicyView } from '../../../../contracts/policy'
import { useI18n } from '../../i18n'
import { businessDays } from '../../lib/business-days'
import { gateLabel, roleLabel, roleList } from '../../lib/labels'
import { categoryLabel, categorySeverity } from '../../lib/risk-category'

/** The gates in the order the policy lists them, with who decides, how fast and who may skip them. */
export function PolicyGates({ gates }: { gates: PolicyView['gates'] }) {
  const { t, lang } = useI18n()
  return (
    <div className="table-wrap">
      <table className="table" data-testid="policy-gates">
        <thead>
          <tr>
            <th>{t('policy.col.gate')}</th>
            <th>{t('policy.col.role')}</th>
            <th>{t('policy.col.sla')}</th>
            <th>{t('policy.col.after')}</th>
            <th>{t('policy.col.owner')}</th>
            <th>{t('policy.col.waivableBy')}</th>
            <th>{t('policy.col.escalateTo')}</th>
          </tr>
        </thead>
        <tbody>
          {gates.map((g, i) => (
            <tr key={g.gate} data-testid="policy-gate" data-gate={g.gate}>
              <td className="nowrap">
                <span className="muted small">{i + 1}.</span> <strong>{gateLabel(g.gate, t)}</strong>
              </td>
              <td className="nowrap">{roleLabel(g.role, t)}</td>
              <td className="nowrap">{businessDays(g.slaBusinessDays, t, lang)}</td>
              <td>{g.after.length > 0 ? g.after.map((a) => gateLabel(a, t)).join(', ') : t('policy.afterNone')}</td>
              <td>{g.owner === 'brief' ? t('policy.ownerBrief') : t('policy.ownerRole')}</td>
              <td>{g.waivableBy.length > 0 ? roleList(g.waivableBy, t) : t('policy.notWaivable')}</td>
              <td>{g.escalateTo ? roleLabel(g.escalateTo, t) : t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Which gates a draft gets for each risk category found in it (release is always added). */
export function PolicyCategories({ categories }: { categories: PolicyView['categories'] }) {
  const { t } = useI18n()
  return (
    <ul className="category-map" data-testid="policy-categories">
      {categories.map((c) => (
        <li key={c.category} data-testid="policy-category" data-category={c.category}>
          <span className={`cat cat-${categorySeverity(c.category)}`} title={c.category}>
            {categoryLabel(c.category, t)}
          </span>
          <span aria-hidden="true" className="muted">
            →
          </span>
          <span>{c.gates.length > 0 ? c.gates.map((g) => gateLabel(g, t)).join(', ') : t('policy.releaseOnly')}</span>
        </li>
      ))}
    </ul>
  )
}
