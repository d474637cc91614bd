import type { PolicyView } from '../../../../contracts/policy'
import { useI18n } from '../../i18n'
import { channelLabel } from '../../lib/channel-label'
import { categoryLabel, categorySeverity } from '../../lib/risk-category'
import { langAttr } from '../../lib/rule-text'

type Pack = PolicyView['packs'][number]
type Rule = Pack['rules'][number]

function PolicyRule({ rule }: { rule: Rule }) {
  const { t, lang } = useI18n()
  const words = rule.texts[lang]
  // the rule's trigger words and required wording are copy in the rule's language
  const copyLang = rule.lang && rule.lang !== lang ? rule.lang : undefined
  return (
    <li className="policy-rule" data-testid="policy-rule" data-rule={rule.id} data-category={rule.category}>
      <div className="rule-head">
        <span className={`cat cat-${categorySeverity(rule.category)}`}>{categoryLabel(rule.category, t)}</span>
        <strong className="rule-title">{words.title}</strong>
        <code className="rule-id">{rule.id}</code>
        {(words.article ?? rule.article) && (
          <span className="rule-article" lang={langAttr(words.article ?? rule.article ?? '', lang)}>
            {words.article ?? rule.article}
          </span>
        )}
      </div>
      <p className="rule-explain">{words.explain}</p>
      {words.fix && (
        <p className="rule-fix">
          <strong>{t('risk.fix')}:</strong> {words.fix}
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
                  <li key={q.id} data-testid="policy-requirement" data-requirement={q.id}>
                    {q.title[lang]}:{' '}
                    <q className="wording" lang={copyLang ?? langAttr(q.wording, lang)}>
                      {q.wording}
                    </q>
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
                <span key={e} className="chip" lang={copyLang ?? langAttr(e, lang)}>
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
  const { t, lang } = useI18n()
  const words = pack.texts[lang]
  return (
    <section className="card" data-testid="policy-pack" data-pack={pack.id}>
      <div className="draft-head">
        <h2>{words.name}</h2>
        <span className="muted small">
          <code>{pack.id}</code> · {pack.lang === 'ru' || pack.lang === 'en' ? t(`lang.${pack.lang}`) : t('policy.anyLang')} ·{' '}
          {t('policy.ruleCount', { n: pack.rules.length })}
        </span>
      </div>
      {words.description && <p className="muted">{words.description}</p>}
      <ul className="rule-list">
        {pack.rules.map((r) => (
          <PolicyRule key={r.id} rule={r} />
        ))}
      </ul>
    </section>
  )
}
