import { useQuery } from '@tanstack/react-query'
import { EmptyState, ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { Link, navigate, useLocation } from '../../lib/router'
import { reviewsQuery } from './queries'

export function ReviewsPage() {
  const { t, lang } = useI18n()
  // The filter lives in the URL so a reload or a shared link keeps it.
  const overdueOnly = useLocation().search.get('overdue') === '1'
  const reviews = useQuery(reviewsQuery(overdueOnly))

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{t('reviews.title')}</h1>
          <p className="muted">{t('reviews.intro')}</p>
        </div>
        <label className="toggle">
          <input
            type="checkbox"
            data-testid="reviews-overdue-only"
            checked={overdueOnly}
            onChange={(e) => navigate(e.target.checked ? '/reviews?overdue=1' : '/reviews', { replace: true })}
          />{' '}
          {t('reviews.overdueOnly')}
        </label>
      </div>

      {reviews.isPending ? (
        <Loading />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.length === 0 ? (
        <EmptyState testId="reviews-empty">
          <p>{overdueOnly ? t('reviews.emptyOverdue') : t('reviews.empty')}</p>
        </EmptyState>
      ) : (
        <ul className="review-list">
          {reviews.data.map((r) => (
            <li key={r.gateId}>
              <Link
                to={`/runs/${r.runId}`}
                className={r.overdue ? 'review-item overdue-item' : 'review-item'}
                data-testid="review-item"
                data-gate={r.gate}
                data-overdue={r.overdue ? 'true' : 'false'}
                data-escalated={r.escalated ? 'true' : 'false'}
              >
                <span className="review-main">
                  <strong>{r.briefTitle}</strong>
                  <span className="muted small">
                    {t(`kind.${r.kind}`)} · {t('reviews.by', { email: r.authorEmail })}
                    {r.openedAt && <> · {t('reviews.opened', { date: formatDateTime(r.openedAt, lang) })}</>}
                  </span>
                </span>
                <span className="review-gate">
                  <span className="tag">{t(`gate.${r.gate}`)}</span>
                  <span className="muted small" data-testid="review-role">
                    {t('reviews.role', { role: t(`role.${r.role}`) })}
                  </span>
                  {r.escalated && (
                    <span className="badge badge-escalated" data-testid="review-escalated" title={t('reviews.escalatedHelp')}>
                      {t('reviews.escalated')}
                    </span>
                  )}
                </span>
                <span className={r.overdue ? 'review-due overdue' : 'review-due'}>
                  {r.overdue && <span className="badge badge-overdue">{t('reviews.overdue')}</span>}{' '}
                  {r.dueAt ? t('reviews.due', { date: formatDateTime(r.dueAt, lang) }) : t('reviews.noDue')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
