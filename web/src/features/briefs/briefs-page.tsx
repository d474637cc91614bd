import { useQuery } from '@tanstack/react-query'
import { EmptyState, ErrorState, Loading } from '../../components/states'
import { StatusBadge } from '../../components/status-badge'
import { useI18n } from '../../i18n'
import { channelLabel } from '../../lib/channel-label'
import { formatDate, formatDateTime } from '../../lib/format'
import { Link, navigate } from '../../lib/router'
import { briefsQuery } from './queries'

export function BriefsPage() {
  const { t, lang } = useI18n()
  const briefs = useQuery(briefsQuery())

  return (
    <section>
      <div className="page-head">
        <h1>{t('briefs.title')}</h1>
        <Link to="/briefs/new" className="button button-primary">
          {t('nav.newBrief')}
        </Link>
      </div>
      {briefs.isPending ? (
        <Loading />
      ) : briefs.isError ? (
        <ErrorState error={briefs.error} onRetry={() => void briefs.refetch()} />
      ) : briefs.data.length === 0 ? (
        <EmptyState testId="briefs-empty">
          <p>{t('briefs.empty')}</p>
          <Link to="/briefs/new" className="button button-primary">
            {t('briefs.emptyAction')}
          </Link>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('briefs.col.title')}</th>
                <th>{t('briefs.col.kind')}</th>
                <th>{t('briefs.col.status')}</th>
                <th>{t('briefs.col.channel')}</th>
                <th>{t('briefs.col.deadline')}</th>
                <th>{t('briefs.col.author')}</th>
                <th>{t('briefs.col.created')}</th>
              </tr>
            </thead>
            <tbody>
              {briefs.data.map((b) => (
                <tr key={b.id} className="clickable" data-testid="brief-row" onClick={() => navigate(`/briefs/${b.id}`)}>
                  <td>
                    {/* The real link keeps keyboard access and open-in-new-tab; the row click is a convenience. */}
                    <Link to={`/briefs/${b.id}`} onClick={(e) => e.stopPropagation()}>
                      {b.title}
                    </Link>
                  </td>
                  <td>{t(`kind.${b.kind}`)}</td>
                  <td className="nowrap" data-testid="brief-status" data-status={b.status ?? 'none'} data-overdue={b.overdue}>
                    {b.status ? <StatusBadge kind="run" status={b.status} /> : <span className="muted small">{t('briefs.noRun')}</span>}
                    {b.overdue && <span className="badge badge-overdue">{t('run.overdue')}</span>}
                  </td>
                  <td>{channelLabel(b.channel, t)}</td>
                  <td className="nowrap">{formatDate(b.deadline, lang)}</td>
                  <td>{b.authorEmail}</td>
                  <td className="nowrap">{formatDateTime(b.createdAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
