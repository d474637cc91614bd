import { useQuery } from '@tanstack/react-query'
import type { BriefKind, Lang, RiskCheckResponse } from '../../../../contracts/briefs'
import { useI18n, type Translate } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { gateLabel } from '../../lib/labels'
import { plural } from '../../lib/plural'
import { categoryLabel, categorySeverity } from '../../lib/risk-category'
import { langAttr } from '../../lib/rule-text'
import { policyQuery } from '../policy/queries'
import { OTHER_SECTOR, sectorLabel, type PolicySector } from '../policy/sector-label'
import type { RiskCheck } from './use-risk-check'
import './risk-check.css'

type Status = 'no-channel' | 'checking' | 'error' | 'clean' | 'found'

function statusOf(check: RiskCheck): Status {
  if (check.noChannel) return 'no-channel'
  if (check.error) return 'error'
  if (!check.data) return 'checking'
  return check.data.fields.length > 0 || check.data.categories.length > 0 ? 'found' : 'clean'
}

/** "Medicine (declared)" against what the text reads as, in words. */
function SectorReading({
  sectors,
  known,
  t,
  lang,
}: {
  sectors: RiskCheckResponse['sectors']
  known: readonly PolicySector[] | undefined
  t: Translate
  lang: Lang
}) {
  const label = (id: string) => sectorLabel(id, known, t, lang)
  const inferred = sectors.inferred.length > 0 ? sectors.inferred.map(label).join(', ') : t('riskCheck.noSector')
  return (
    <>
      <div className="details-row">
        <dt>{t('riskCheck.declared')}</dt>
        <dd data-testid="risk-check-declared">{sectors.declared ? label(sectors.declared) : t('riskCheck.notDeclared')}</dd>
      </div>
      <div className="details-row">
        <dt>{t('riskCheck.readsAs')}</dt>
        <dd data-testid="risk-check-inferred">{inferred}</dd>
      </div>
    </>
  )
}

/**
 * What the policy reads in the brief as it is typed: the gates a draft of it will at least go to,
 * what it advertises (declared against what the text reads as), and the wording a draft will need.
 * The marks themselves are under each field. It informs; it never stands before the submit button.
 */
export function RiskPanel({ check, kind }: { check: RiskCheck; kind: BriefKind }) {
  const { t, lang } = useI18n()
  const policy = useQuery(policyQuery())
  const status = statusOf(check)
  const data = check.data
  const internal = policy.data?.internalKinds.kinds.includes(kind) ?? false
  const marks = data?.fields.reduce((n, f) => n + f.risks.length, 0) ?? 0

  return (
    <section
      className={`risk-check-panel risk-check-${status}`}
      data-testid="risk-check"
      data-status={status}
      aria-labelledby="risk-check-title"
    >
      <h2 id="risk-check-title">{t('riskCheck.title')}</h2>
      <p className="pii-status" role="status" aria-live="polite" data-testid="risk-check-status">
        {check.checking && <span className="spinner" aria-hidden="true" />}
        {status === 'no-channel' && t('riskCheck.noChannel')}
        {status !== 'no-channel' && check.checking && t('riskCheck.checking')}
        {status === 'error' && (
          <>
            {t('riskCheck.failed', { message: errorText(check.error, t) })}{' '}
            <button type="button" className="link-button" onClick={check.retry}>
              {t('common.retry')}
            </button>
          </>
        )}
      </p>
      {data && status !== 'error' && (
        <>
          <p data-testid="risk-check-gates">
            {t('riskCheck.gates')} <span className="risk-check-gates">{data.gates.map((g) => gateLabel(g, t)).join(' → ')}</span>
          </p>
          <p className="muted small">{t('riskCheck.gatesHelp')}</p>
          {internal && (
            <p className="muted small" data-testid="risk-check-internal">
              {t('riskCheck.internal', { kind: t(`kind.${kind}`) })}
            </p>
          )}
          {data.sectors.mismatch && (
            <p className="risk-check-warning" data-testid="risk-check-mismatch">
              {t(data.sectors.declared === OTHER_SECTOR ? 'riskCheck.mismatchOther' : 'riskCheck.mismatch', {
                declared: data.sectors.declared ? sectorLabel(data.sectors.declared, policy.data?.sectors, t, lang) : '',
                inferred: data.sectors.inferred
                  .filter((s) => s !== data.sectors.declared)
                  .map((s) => sectorLabel(s, policy.data?.sectors, t, lang))
                  .join(', '),
              })}
            </p>
          )}
          <dl className="details">
            {!internal && <SectorReading sectors={data.sectors} known={policy.data?.sectors} t={t} lang={lang} />}
            <div className="details-row">
              <dt>{t('riskCheck.categories')}</dt>
              <dd className="chips" data-testid="risk-check-categories">
                {data.categories.length > 0
                  ? data.categories.map((c) => (
                      <span key={c} className={`cat cat-${categorySeverity(c)}`} data-category={c}>
                        {categoryLabel(c, t)}
                      </span>
                    ))
                  : t('common.none')}
              </dd>
            </div>
            <div className="details-row">
              <dt>{t('riskCheck.marks')}</dt>
              <dd data-testid="risk-check-marks">{marks > 0 ? plural('riskCheck.marksCount', marks, t, lang) : t('riskCheck.noMarks')}</dd>
            </div>
            {data.missing.length > 0 && (
              <div className="details-row">
                <dt>{t('riskCheck.missing')}</dt>
                <dd>
                  <ul className="plain-list" data-testid="risk-check-missing">
                    {data.missing.map((m) => (
                      <li key={`${m.rule}|${m.requirement}`}>
                        {m.title[lang]}:{' '}
                        <q className="wording" lang={langAttr(m.wording, lang)}>
                          {m.wording}
                        </q>
                        {m.article && (
                          <span className="muted small">
                            {' '}
                            (<span lang={langAttr(m.article, lang)}>{m.article}</span>)
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
          </dl>
        </>
      )}
      <p className="field-help">{t('riskCheck.neverBlocks')}</p>
    </section>
  )
}
