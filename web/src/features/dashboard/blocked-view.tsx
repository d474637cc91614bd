import { Decision } from '../../../../contracts/runs'
import type { BlockedView as Blocked } from '../../../../contracts/usage'
import { useI18n } from '../../i18n'
import { formatCount } from '../../lib/format-number'
import { gateLabel } from '../../lib/labels'
import { categoryLabel } from '../../lib/risk-category'

/** Personal-data types with how often each was found: the log never holds the values themselves. */
function TypeCounts({ counts, testId }: { counts: Record<string, number>; testId: string }) {
  const { t, lang } = useI18n()
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1])
  if (entries.length === 0) return <span className="muted">{t('common.none')}</span>
  return (
    <span className="chips" data-testid={testId}>
      {entries.map(([type, n]) => (
        <span key={type} className="chip" data-type={type} data-count={n}>
          {type} × {formatCount(n, lang)}
        </span>
      ))}
    </span>
  )
}

/** What the policy stopped in the period, and why. */
export function BlockedView({ view }: { view: Blocked }) {
  const { t, lang } = useI18n()
  const decisionName = (d: string) => {
    const parsed = Decision.safeParse(d)
    return parsed.success ? t(`decision.${parsed.data}`) : d
  }
  return (
    <div className="blocked-grid">
      <dl className="details">
        <div className="details-row">
          <dt>{t('dash.blocked.piiBlocked')}</dt>
          <dd data-testid="blocked-pii" data-value={view.piiBlocked}>
            <strong>{formatCount(view.piiBlocked, lang)}</strong> <TypeCounts counts={view.piiTypes} testId="blocked-pii-types" />
          </dd>
        </div>
        <div className="details-row">
          <dt>{t('dash.blocked.piiRedacted')}</dt>
          <dd>
            <TypeCounts counts={view.piiRedacted} testId="blocked-pii-redacted" />
          </dd>
        </div>
        <div className="details-row">
          <dt>{t('dash.blocked.budgetRefused')}</dt>
          <dd data-testid="blocked-budget" data-value={view.budgetRefused}>
            {formatCount(view.budgetRefused, lang)}
          </dd>
        </div>
      </dl>

      <div>
        <h3>{t('dash.blocked.decisions')}</h3>
        {view.decisions.length === 0 ? (
          <p className="muted" data-testid="blocked-decisions-empty">
            {t('dash.blocked.noDecisions')}
          </p>
        ) : (
          <table className="table" data-testid="blocked-decisions">
            <thead>
              <tr>
                <th scope="col">{t('dash.gates.gate')}</th>
                <th scope="col">{t('dash.blocked.decision')}</th>
                <th scope="col" className="num">
                  {t('dash.blocked.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.decisions.map((d) => (
                <tr
                  key={`${d.gate}:${d.decision}`}
                  data-testid="blocked-decision-row"
                  data-gate={d.gate}
                  data-decision={d.decision}
                  data-count={d.count}
                >
                  <td>{gateLabel(d.gate, t)}</td>
                  <td>{decisionName(d.decision)}</td>
                  <td className="num">{formatCount(d.count, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div>
        <h3>{t('dash.blocked.categories')}</h3>
        {view.categories.length === 0 ? (
          <p className="muted">{t('dash.blocked.noCategories')}</p>
        ) : (
          <table className="table" data-testid="blocked-categories">
            <thead>
              <tr>
                <th scope="col">{t('dash.blocked.category')}</th>
                <th scope="col" className="num">
                  {t('dash.blocked.drafts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.categories.map((c) => (
                <tr key={c.category} data-testid="blocked-category-row" data-category={c.category} data-drafts={c.drafts}>
                  <td>{categoryLabel(c.category, t)}</td>
                  <td className="num">{formatCount(c.drafts, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  )
}
