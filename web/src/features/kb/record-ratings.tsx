import type { ResultRecord } from '../../../../contracts/kb'
import { useI18n } from '../../i18n'
import { formatDate } from '../../lib/format'

/** Everyone's rating of the result, the latest first. */
export function RecordRatings({ ratings }: { ratings: ResultRecord['ratings'] }) {
  const { t, lang } = useI18n()
  if (ratings.length === 0) return null
  return (
    <ul className="rating-list" data-testid="kb-ratings">
      {ratings.map((r) => (
        <li key={r.user.id} data-testid="kb-rating" data-rating={r.rating}>
          <span className="stars-static" role="img" aria-label={t('kb.stars', { n: r.rating })}>
            {'★'.repeat(r.rating)}
            <span className="stars-off">{'★'.repeat(5 - r.rating)}</span>
          </span>{' '}
          <strong>{r.user.name}</strong> <span className="muted small">{formatDate(r.updatedAt, lang)}</span>
          {r.comment && <p className="pre-wrap small">{r.comment}</p>}
        </li>
      ))}
    </ul>
  )
}
