import type { PolicyView } from '../../../../contracts/policy'
import { useI18n } from '../../i18n'
import { channelLabel } from '../../lib/channel-label'
import { categoryLabel, categorySeverity } from '../../lib/risk-category'

type Pack = PolicyView['packs'][number]
type Rule = Pack['rules'][number]

function PolicyRule({ rule }: { rule: Rule }) {
  const { t } = useI18n()
  return (
    <li className="policy-rule" data-testid="policy-rule" data-rule={rule.id} data-category={rule.category}>
      <div className="rule-head">
        <span className={`cat cat-${categorySeverity(rule.category)}`}>{categoryLabel(rule.category, t)}</span>
        <code className="rule-id">{rule.id}</code>
        {rule.article && <span className="rule-article">{rule.article}</span>}
      </div>
      <p className="rule-explain">{rule.explain}</p>
      {rule.fix && (
        <p className="rule-fix">
          <strong>{t('risk.fix')}:</strong> {rule.fix}
        </p>
      )}
      <dl className="rule-facts">
        <div>
          <dt>{t('policy.rule.channels')}</dt>
          <dd>{rule.channels ? rule.channels.map((c) => channelLabel(c, t)).join(', ') : t('policy.rule.allChannels')}</dd>
        </div>
        {rule.requires.length > 0 && (
          <div>
            <dt>{t('policy.rule.requires')}</dt>
            <dd>
              <ul className="plain-list">
                {rule.requires.map((q) => (
                  <li key={q.id}>
                    <q className="wording">{q.wording}</q>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {rule.examples.length > 0 && (
          <div>
            <dt>{t('policy.rule.examples')}</dt>
            <dd className="chips">
              {rule.examples.map((e) => (
                <span key={e} className="chip">
                  {e}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
    </li>
  )
}

export function PolicyPack({ pack }: { pack: Pack }) {
  const { t } = useI18n()
  return (
    <section className="card" data-testid="policy-pack" data-pack={pack.id}>
      <div className="draft-head">
        <h2>{pack.name}</h2>
        <span className="muted small">
          <code>{pack.id}</code> · {pack.lang === 'any' ? t('policy.anyLang') : pack.lang} ·{' '}
          {t('policy.ruleCount', { n: pack.rules.length })}
        </span>
      </div>
      {pack.description && <p className="muted">{pack.description}</p>}
      <ul className="rule-list">
        {pack.rules.map((r) => (
          <PolicyRule key={r.id} rule={r} />
        ))}
      </ul>
    </section>
  )
}
