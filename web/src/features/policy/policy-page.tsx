import { useQuery } from '@tanstack/react-query'
import { ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { channelLabel } from '../../lib/channel-label'
import { gateLabel, kindLabel } from '../../lib/labels'
import { categoryLabel } from '../../lib/risk-category'
import { PolicyCategories, PolicyGates } from './policy-gates'
import { PolicyPack } from './policy-pack'
import { PolicySectors } from './policy-sectors'
import { policyQuery } from './queries'

/** The active policy, read-only: it is edited as a file and checked with `copydesk policy check`. */
export function PolicyPage() {
  const { t, lang } = useI18n()
  const query = useQuery(policyQuery())

  if (query.isPending) return <Loading />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  const policy = query.data
  const paid = new Set(policy.paidAdChannels)

  return (
    <section data-testid="policy-page">
      <div className="page-head">
        <div>
          <h1>{t('policy.title')}</h1>
          <p className="muted">
            {t('policy.intro')} <code>npx copydesk policy check</code>.
          </p>
        </div>
      </div>

      <div className="card">
        <dl className="details">
          <div className="details-row">
            <dt>{t('policy.name')}</dt>
            <dd data-testid="policy-name">{policy.title[lang]}</dd>
          </div>
          <div className="details-row">
            <dt>{t('policy.version')}</dt>
            <dd>
              <code data-testid="policy-version">{policy.version}</code>
            </dd>
          </div>
          <div className="details-row">
            <dt>{t('policy.channels')}</dt>
            <dd className="chips">
              {policy.channels.map((c) => (
                <span
                  key={c}
                  className={paid.has(c) ? 'chip chip-paid' : 'chip'}
                  data-testid="policy-channel"
                  data-paid={paid.has(c) || undefined}
                >
                  {channelLabel(c, t)}
                  {paid.has(c) && <strong className="chip-note"> · {t('policy.paidAd')}</strong>}
                </span>
              ))}
            </dd>
          </div>
          <div className="details-row">
            <dt>{t('policy.distinctReviewers')}</dt>
            <dd>{policy.distinctReviewers ? t('policy.distinctYes') : t('policy.distinctNo')}</dd>
          </div>
          <div className="details-row">
            <dt>{t('policy.personalData')}</dt>
            <dd>{t(`policy.personalData.${policy.personalData.inputs}`)}</dd>
          </div>
          <div className="details-row">
            <dt>{t('policy.internalKinds')}</dt>
            <dd data-testid="policy-internal-kinds">
              {policy.internalKinds.kinds.length > 0 ? (
                <>
                  {policy.internalKinds.kinds.map((k) => kindLabel(k, t)).join(', ')}. {t('policy.internalKindsValue')}{' '}
                  {policy.internalKinds.categories.length > 0
                    ? policy.internalKinds.categories.map((c) => categoryLabel(c, t)).join(', ')
                    : t('common.none')}
                </>
              ) : (
                t('common.none')
              )}
            </dd>
          </div>
          <div className="details-row">
            <dt>{t('policy.missingWording')}</dt>
            <dd data-testid="policy-missing-wording">
              {policy.missingWording.blocksPassAt.length > 0
                ? `${t('policy.missingWordingValue')} ${policy.missingWording.blocksPassAt.map((g) => gateLabel(g, t)).join(', ')}`
                : t('policy.missingWordingNone')}
            </dd>
          </div>
          <div className="details-row">
            <dt>{t('policy.llmClassifier')}</dt>
            <dd data-testid="policy-llm-classifier">{policy.llmClassifier ? t('policy.llmClassifierOn') : t('policy.llmClassifierOff')}</dd>
          </div>
        </dl>
      </div>

      <div className="card">
        <h2>{t('policy.gates')}</h2>
        <PolicyGates gates={policy.gates} />
      </div>

      <div className="card">
        <h2>{t('policy.categories')}</h2>
        <p className="muted small">{t('policy.categoriesHelp')}</p>
        <PolicyCategories categories={policy.categories} />
      </div>

      <div className="card">
        <h2>{t('policy.sectors')}</h2>
        <p className="muted small">{t('policy.sectorsHelp')}</p>
        <PolicySectors sectors={policy.sectors} />
      </div>

      <h2 className="section-title">{t('policy.packs')}</h2>
      {policy.packs.map((p) => (
        <PolicyPack key={p.id} pack={p} />
      ))}
    </section>
  )
}
