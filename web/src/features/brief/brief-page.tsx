import { useQuery } from '@tanstack/react-query'
import type { Brief } from '../../../../contracts/briefs'
import { ErrorState, Loading } from '../../components/states'
import { StatusBadge } from '../../components/status-badge'
import { useI18n } from '../../i18n'
import { channelLabel } from '../../lib/channel-label'
import { errorText } from '../../lib/error-text'
import { formatDate, formatDateTime } from '../../lib/format'
import { Link, navigate } from '../../lib/router'
import { BriefInputs } from './brief-inputs'
import { briefQuery, useCreateRun } from './queries'

const TEXT_FIELDS = ['audience', 'task', 'offer', 'format', 'qualityCriteria', 'successMetrics'] as const

function BriefFields({ brief }: { brief: Brief }) {
  const { t, lang } = useI18n()
  return (
    <dl className="details">
      {TEXT_FIELDS.map((f) => (
        <div key={f} className="details-row">
          <dt>{t(`field.${f}`)}</dt>
          <dd className="pre-wrap">{brief[f]}</dd>
        </div>
      ))}
      <div className="details-row">
        <dt>{t('field.channel')}</dt>
        <dd>{channelLabel(brief.channel, t)}</dd>
      </div>
      <div className="details-row">
        <dt>{t('field.deadline')}</dt>
        <dd>{formatDate(brief.deadline, lang)}</dd>
      </div>
      <div className="details-row">
        <dt>{t('field.factCheckOwner')}</dt>
        <dd>{brief.factCheckOwner ?? t('common.none')}</dd>
      </div>
      <div className="details-row">
        <dt>{t('field.lang')}</dt>
        <dd>{t(`lang.${brief.lang}`)}</dd>
      </div>
    </dl>
  )
}

export function BriefPage({ id }: { id: string }) {
  const { t, lang } = useI18n()
  const brief = useQuery(briefQuery(id))
  const createRun = useCreateRun()

  if (brief.isPending) return <Loading />
  if (brief.isError) return <ErrorState error={brief.error} onRetry={() => void brief.refetch()} />
  const b = brief.data

  const draftAgain = () =>
    createRun.mutate(b.id, { onSuccess: (run) => navigate(`/runs/${run.id}`) })

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{b.title}</h1>
          <p className="muted">
            <span className="tag">{t(`kind.${b.kind}`)}</span>{' '}
            {t('brief.created', { date: formatDateTime(b.createdAt, lang), author: b.authorEmail })}
          </p>
        </div>
        <button
          type="button"
          className="button button-primary"
          data-testid="brief-draft-again"
          disabled={createRun.isPending}
          onClick={draftAgain}
        >
          {createRun.isPending ? t('brief.drafting') : t('brief.draftAgain')}
        </button>
      </div>
      {createRun.isError && (
        <p className="form-error" role="alert" data-testid="brief-draft-error">
          {errorText(createRun.error, t)}
        </p>
      )}

      <div className="card">
        <h2>{t('brief.fields')}</h2>
        <BriefFields brief={b} />
      </div>
      <div className="card">
        <h2>
          {t('brief.inputs')}: {t(`kind.${b.kind}`)}
        </h2>
        <BriefInputs inputs={b.inputs} />
      </div>
      <div className="card">
        <h2>{t('brief.runs')}</h2>
        {b.runs.length === 0 ? (
          <p className="muted">{t('brief.noRuns')}</p>
        ) : (
          <ul className="run-list">
            {b.runs.map((r) => (
              <li key={r.id}>
                <Link to={`/runs/${r.id}`} data-testid="brief-run">
                  {formatDateTime(r.createdAt, lang)}
                </Link>{' '}
                <StatusBadge kind="run" status={r.status} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}
