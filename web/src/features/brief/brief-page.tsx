import { useQuery } from '@tanstack/react-query'
import { ErrorState, Loading } from '../../components/states'
import { StatusBadge } from '../../components/status-badge'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { formatDateTime } from '../../lib/format'
import { Link, navigate } from '../../lib/router'
import { BriefFields } from './brief-fields'
import { BriefInputs } from './brief-inputs'
import { briefQuery, useCreateRun } from './queries'

export function BriefPage({ id }: { id: string }) {
  const { t, lang } = useI18n()
  const brief = useQuery(briefQuery(id))
  const createRun = useCreateRun()

  if (brief.isPending) return <Loading />
  if (brief.isError) return <ErrorState error={brief.error} onRetry={() => void brief.refetch()} />
  const b = brief.data

  const draftAgain = () => createRun.mutate(b.id, { onSuccess: (run) => navigate(`/runs/${run.id}`) })

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
