import type { OfferDraft } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'

const PARTS = ['forWhom', 'task', 'timeframe', 'method', 'difference'] as const

/** The structured offer (DOMAIN.md formula), as draft-view.tsx parsed it from the draft's content. */
export function OfferDraftView({ offer }: { offer: OfferDraft }) {
  const { t } = useI18n()

  return (
    <div className="offer-draft">
      <h3>{t('run.variants')}</h3>
      <div className="variant-grid">
        {offer.variants.map((v, i) => (
          <article key={i} className="variant-card" data-testid="offer-variant">
            <h4>{t('run.variant', { n: i + 1 })}</h4>
            <p className="one-liner">
              <span className="muted small">{t('run.oneLiner')}:</span> {v.oneLiner}
            </p>
            <p className="pitch" data-testid="offer-pitch">
              {v.pitch}
            </p>
            <dl className="variant-parts">
              {PARTS.map((p) => (
                <div key={p}>
                  <dt>{t(`run.${p}`)}</dt>
                  <dd>{v[p] || <span className="muted">{t('common.none')}</span>}</dd>
                </div>
              ))}
            </dl>
          </article>
        ))}
      </div>

      {offer.proofs.length > 0 && (
        <>
          <h3>{t('run.proofs')}</h3>
          <ul className="proof-list">
            {offer.proofs.map((p, i) => (
              <li key={i} className={`proof proof-${p.status}`} data-testid="offer-proof" data-status={p.status}>
                <span className={p.status === 'needed' ? 'badge badge-needed' : 'badge badge-given'}>
                  {p.status === 'needed' ? t('run.proofNeeded') : t('run.proofGiven')}
                </span>{' '}
                {p.claim}
              </li>
            ))}
          </ul>
        </>
      )}

      {offer.missing.length > 0 && (
        <div className="missing-box" data-testid="offer-missing">
          <h3>{t('run.missing')}</h3>
          <ul>
            {offer.missing.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
