import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { HandoffDelivery } from '../../../../contracts/handoff'
import { NotificationItem } from '../../../../contracts/notifications'
import { ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n'
import { fetchJson } from '../../lib/fetch-json'
import { formatDateTime } from '../../lib/format'
import { Link } from '../../lib/router'
import { errorText } from '../../lib/error-text'

/** Every 3 s while something is being sent or about to be (a retry the admin just asked for), else every 15 s. */
const pollWhileSending = (query: { state: { data?: { status: string; nextAttemptAt: string | null }[] } }) =>
  query.state.data?.some(
    (r) => r.status === 'running' || (r.status === 'queued' && (!r.nextAttemptAt || Date.parse(r.nextAttemptAt) < Date.now() + 5000)),
  )
    ? 3000
    : 15_000

const deliveriesQuery = {
  queryKey: ['outbox', 'deliveries'],
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson('/api/handoffs', z.array(HandoffDelivery), { signal }),
  refetchInterval: pollWhileSending,
}
const notificationsQuery = {
  queryKey: ['outbox', 'notifications'],
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson('/api/notifications', z.array(NotificationItem), { signal }),
  refetchInterval: pollWhileSending,
}

type Row = {
  id: number
  runId: string
  what: string
  to: string
  status: HandoffDelivery['status']
  attempts: number
  lastError: string | null
  nextAttemptAt: string | null
  updatedAt: string
}

/**
 * What the outbox sent and what it could not (admins): the hand-offs and team channels, and the
 * e-mails, newest first, each with its attempts and last error. Nothing here is ever lost: a
 * failed one stays with its error.
 */
export function OutboxPage() {
  const { t } = useI18n()
  const deliveries = useQuery(deliveriesQuery)
  const notifications = useQuery(notificationsQuery)
  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{t('outbox.title')}</h1>
          <p className="muted">{t('outbox.intro')}</p>
        </div>
      </div>
      <div className="card">
        <h2>{t('outbox.deliveries')}</h2>
        {deliveries.isPending ? (
          <Loading />
        ) : deliveries.isError ? (
          <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
        ) : (
          <OutboxTable
            testId="outbox-deliveries"
            rows={deliveries.data.map((d) => ({ ...d, what: d.eventId.split(':')[0]!, to: d.destination }))}
          />
        )}
      </div>
      <div className="card">
        <h2>{t('outbox.emails')}</h2>
        {notifications.isPending ? (
          <Loading />
        ) : notifications.isError ? (
          <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />
        ) : (
          <OutboxTable
            testId="outbox-emails"
            rows={notifications.data.map((n) => ({
              ...n,
              what: n.type ?? n.eventId,
              to: `${n.recipient ?? ''}${n.channel === 'telegram' ? ' (Telegram)' : ''}`,
            }))}
          />
        )}
      </div>
    </section>
  )
}

function OutboxTable({ rows, testId }: { rows: Row[]; testId: string }) {
  const { t, lang } = useI18n()
  if (rows.length === 0) return <p className="muted">{t('outbox.none')}</p>
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('outbox.col.when')}</th>
            <th>{t('outbox.col.what')}</th>
            <th>{t('outbox.col.to')}</th>
            <th>{t('outbox.col.status')}</th>
            <th>{t('outbox.col.attempts')}</th>
            <th>{t('outbox.col.error')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="outbox-row" data-status={r.status} className={r.status === 'failed' ? 'overdue' : undefined}>
              <td className="nowrap">
                <Link to={`/runs/${r.runId}`}>{formatDateTime(r.updatedAt, lang)}</Link>
              </td>
              <td>
                <code>{r.what}</code>
              </td>
              <td>{r.to}</td>
              <td>
                {t(`outbox.status.${r.status}`)}
                {r.status === 'queued' && r.nextAttemptAt && (
                  <span className="muted small"> · {t('outbox.next', { date: formatDateTime(r.nextAttemptAt, lang) })}</span>
                )}
              </td>
              <td>{r.attempts}</td>
              <td className="pre-wrap small">{r.lastError ?? t('common.none')}</td>
              <td>{(r.status === 'queued' || r.status === 'failed') && <RetryButton id={r.id} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const RetryResult = z.object({ id: z.number(), status: z.literal('queued') })

/** Sends one again now (the receiver or the mail server is back), instead of waiting out its backoff. */
function RetryButton({ id }: { id: number }) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const retry = useMutation({
    mutationFn: () => fetchJson(`/api/outbox/${id}/retry`, RetryResult, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['outbox'] }),
  })
  if (retry.isSuccess) return <span className="muted small">{t('outbox.retried')}</span>
  return (
    <>
      <button
        type="button"
        className="button button-small"
        data-testid="outbox-retry"
        disabled={retry.isPending}
        onClick={() => retry.mutate()}
      >
        {t('outbox.retry')}
      </button>
      {retry.isError && (
        <p className="form-error small" role="alert">
          {errorText(retry.error, t)}
        </p>
      )}
    </>
  )
}
