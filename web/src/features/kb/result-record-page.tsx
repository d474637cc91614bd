import { useQuery } from '@tanstack/react-query'
import { ErrorState, Loading } from '../../components/states'
import { StatusBadge } from '../../components/status-badge'
import { useI18n } from '../../i18n'
import { channelLabel } from '../../lib/channel-label'
import { formatDateTime } from '../../lib/format'
import { Link } from '../../lib/router'
import { useCurrentUser } from '../auth/current-user'
import { canRate, canReuse } from './access'
import { resultQuery } from './queries'
import { RatingForm } from './rating-form'
import { RatingText } from './rating-text'
import { RecordBrief } from './record-brief'
import { RecordDecisions } from './record-decisions'
import { RecordDrafts } from './record-drafts'
import { RecordRatings } from './record-ratings'
import { TagEditor } from './tag-editor'

/** One result's full record: the brief, every version, the gates and reviewers, the outcome, ratings and tags. */
export function ResultRecordPage({ runId }: { runId: string }) {
  const { t, lang } = useI18n()
  const me = useCurrentUser()
  const query = useQuery(resultQuery(runId))

  if (query.isPending) return <Loading />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  const r = query.data
  const rater = canRate(me.roles)
  // its author may not rate it: ratings rank the examples a model is shown (the API says 403 too)
  const ownResult = r.brief.author.id === me.id

  return (
    <section data-testid="kb-record" data-run={r.runId} data-outcome={r.outcome}>
      <p className="breadcrumb">
        <Link to="/kb">{t('kb.back')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1 data-testid="kb-record-title">{r.brief.title}</h1>
          <p className="muted">
            <span className="tag">{t(`kind.${r.brief.kind}`)}</span> {channelLabel(r.brief.channel, t)} · {t(`lang.${r.brief.lang}`)} ·{' '}
            {t('kb.createdBy', { name: r.brief.author.name, date: formatDateTime(r.createdAt, lang) })}
            {r.approvedAt && <> · {t('kb.approvedAt', { date: formatDateTime(r.approvedAt, lang) })}</>}
            {r.erid && (
              <>
                {' '}
                · <span data-testid="kb-record-erid">{t('kb.erid')}</span> <code>{r.erid}</code>
              </>
            )}
            {r.reviewers.length > 0 && <> · {t('kb.passedBy', { names: r.reviewers.map((p) => p.name).join(', ') })}</>}
          </p>
        </div>
        <div className="record-actions">
          <StatusBadge kind="run" status={r.outcome} testId="kb-record-outcome" />
          {canReuse(me.roles) && (
            <Link to={`/briefs/new?from=${encodeURIComponent(r.runId)}`} className="button button-primary" data-testid="kb-reuse">
              {t('kb.reuse')}
            </Link>
          )}
          <Link to={`/runs/${r.runId}`} className="button" data-testid="kb-open-run">
            {t('kb.openRun')}
          </Link>
        </div>
      </div>

      {r.finalText !== null && (
        <div className="card">
          <h2>{t('kb.finalText')}</h2>
          <div className="draft-text pre-wrap" data-testid="kb-final-text">
            {r.finalText}
          </div>
        </div>
      )}

      <div className="record-side-by-side">
        <div className="card">
          <h2>
            {t('kb.rating')} <RatingText rating={r.rating} />
          </h2>
          {rater && !ownResult ? (
            <RatingForm runId={r.runId} rating={r.rating} />
          ) : (
            <p className="muted small" data-testid="kb-rate-not">
              {t(ownResult ? 'kb.rateOwn' : 'kb.rateRoles')}
            </p>
          )}
          <RecordRatings ratings={r.ratings} />
        </div>
        <div className="card">
          <h2>{t('kb.tags')}</h2>
          <TagEditor runId={r.runId} tags={r.tags} editable={rater} />
        </div>
      </div>

      <div className="card">
        <h2>{t('kb.versions', { n: r.drafts.length })}</h2>
        <RecordDrafts drafts={r.drafts} openNewest={r.finalText === null} />
      </div>

      <div className="card">
        <h2>{t('kb.decisions')}</h2>
        <RecordDecisions decisions={r.decisions} />
      </div>

      <div className="card">
        <h2>{t('brief.fields')}</h2>
        <RecordBrief brief={r.brief} />
        {r.policyVersion && <p className="muted small">{t('run.policyVersion', { version: r.policyVersion })}</p>}
      </div>
    </section>
  )
}
