import type { RatingSummary } from '../../../../contracts/kb'
import { useI18n } from '../../i18n'

/** "★ 4.5 (2)" or "not rated yet". */
export function RatingText({ rating }: { rating: RatingSummary }) {
  const { t, lang } = useI18n()
  if (rating.avg === null) return <span className="muted">{t('kb.notRated')}</span>
  const avg = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(rating.avg)
  return (
    <span
      className="rating-text"
      data-testid="kb-rating-avg"
      data-avg={rating.avg}
      data-count={rating.count}
      title={t('kb.ratingTitle', { avg, n: rating.count })}
    >
      <span aria-hidden="true">★</span> {avg} <span className="muted">({rating.count})</span>
    </span>
  )
}
