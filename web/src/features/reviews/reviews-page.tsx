import { useQuery } from '@tanstack/react-query'
import { BRIEF_KINDS } from '../../../../contracts/briefs'
import { EmptyState, ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { Link, navigate, useLocation } from '../../lib/router'
import { useCurrentUser } from '../auth/current-user'
import { ClaimButton } from '../run/claim-button'
import { filterOf, type ReviewFilter, reviewsQuery, searchOf } from './queries'

const ASSIGNED = [null, 'me', 'none'] as const

export function ReviewsPage() {
  const { t, lang } = useI18n()
  const me = useCurrentUser()
  // The filter lives in the URL so a reload or a shared link keeps it.
  const filter = filterOf(useLocation().search)
  const reviews = useQuery(reviewsQuery(filter))
  const setFilter = (change: Partial<ReviewFilter>) => navigate(`/reviews${searchOf({ ...filter, ...change })}`, { replace: true })
  const filtered = filter.overdue || filter.assigned !== null || filter.kind !== null

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{t('reviews.title')}</h1>
          <p className="muted">{t('reviews.intro')}</p>
        </div>
      </div>
      <fieldset className="review-filters" aria-label={t('reviews.filter.label')}>
        {ASSIGNED.map((a) => (
          <button
            key={a ?? 'all'}
            type="button"
            className="button button-small"
            aria-pressed={filter.assigned === a}
            data-testid={`reviews-filter-${a ?? 'all'}`}
            onClick={() => setFilter({ assigned: a })}
          >
            {t(`reviews.filter.${a ?? 'all'}`)}
          </button>
        ))}
        <label className="toggle">
          <input
            type="checkbox"
            data-testid="reviews-overdue-only"
            checked={filter.overdue}
            onChange={(e) => setFilter({ overdue: e.target.checked })}
          />{' '}
          {t('reviews.overdueOnly')}
        </label>
        <select
          aria-label={t('reviews.kindLabel')}
          data-testid="reviews-kind"
          value={filter.kind ?? ''}
          onChange={(e) => setFilter({ kind: BRIEF_KINDS.find((k) => k === e.target.value) ?? null })}
        >
          <option value="">{t('reviews.kindAll')}</option>
          {BRIEF_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </fieldset>

      {reviews.isPending ? (
        <Loading />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.length === 0 ? (
        <EmptyState testId="reviews-empty">
          <p>{filter.overdue ? t('reviews.emptyOverdue') : filtered ? t('reviews.emptyFiltered') : t('reviews.empty')}</p>
        </EmptyState>
      ) : (
        <ul className="review-list">
          {reviews.data.map((r) => (
            <li key={r.gateId} className="review-row">
              <Link
                to={`/runs/${r.runId}`}
                className={r.overdue ? 'review-item overdue-item' : 'review-item'}
                data-testid="review-item"
                data-gate={r.gate}
                data-gate-id={r.gateId}
                data-overdue={r.overdue ? 'true' : 'false'}
                data-escalated={r.escalated ? 'true' : 'false'}
                data-assignee={r.assigneeEmail ?? ''}
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
                  <span className="muted small" data-testid="review-assignee">
                    {r.assigneeEmail === null
                      ? t('reviews.unclaimed')
                      : r.assigneeEmail === me.email
                        ? t('reviews.claimedByMe')
                        : t('reviews.claimedBy', { email: r.assigneeEmail })}
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
              {r.assigneeEmail === null && !r.escalated && <ClaimButton runId={r.runId} gateId={r.gateId} testId="review-claim" />}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
