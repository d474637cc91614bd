import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import type { Gate } from '../../../../contracts/runs'
import { ErrorState, Loading } from '../../components/states'
import { StatusBadge } from '../../components/status-badge'
import { useI18n } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { Link } from '../../lib/router'
import { useCurrentUser } from '../auth/current-user'
import { BriefRisks } from './brief-risks'
import { ClaimsChecklist } from './claims-checklist'
import { CommentsPanel } from './comments/comments-panel'
import { DecisionBar } from './decision-bar'
import { DecisionPanel } from './decision-panel'
import { DraftHistory } from './draft-history'
import { DraftView } from './draft-view'
import { EditDraftPanel } from './edit-draft-panel'
import { Fold } from './fold'
import { GatesLine, GatesTable } from './gates-table'
import { RunProgress } from './run-progress'
import { canDecide, canWaive } from './permissions'
import { isActiveRun, runQuery } from './queries'
import { ApprovedExport } from './approved-export'

// Only runs with two versions or more show it; the word-diff library then loads on demand.
const DraftCompare = lazy(() => import('./draft-compare').then((m) => ({ default: m.DraftCompare })))

export function RunPage({ id }: { id: string }) {
  const { t, lang } = useI18n()
  const me = useCurrentUser()
  const query = useQuery(runQuery(id))

  if (query.isPending) return <Loading />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  const run = query.data

  // Separation of duties: the author never sees a decision panel on their own work (permissions.ts).
  const panels = run.gates
    .map((g) => ({ gate: g, decide: canDecide(run, g, me), waive: canWaive(run, g, me) }))
    .filter((p) => p.decide || p.waive)
  const pii = run.draft?.piiFindings ?? 0
  const passBlocked = (g: Gate): string | null => {
    if (pii > 0) return t('decision.blockedPii')
    if (g.gate !== 'fact_check') return null
    const open = run.claims.filter((c) => c.draftVersion === g.draftVersion && c.status !== 'verified').length
    return open > 0 ? t('decision.blockedClaims', { n: open }) : null
  }
  // Mandatory wording the draft lacks holds a pass back at the gates the run's policy names.
  const missingAt = (g: Gate) =>
    run.missingBlocksPassAt.includes(g.gate) && run.draft?.version === g.draftVersion ? run.draft.missing : []
  const active = isActiveRun(run.status)

  return (
    <section className="run-page">
      <p className="breadcrumb">
        <Link to={`/briefs/${run.briefId}`} data-testid="run-brief-link">
          {t('run.brief', { title: run.briefTitle })}
        </Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{run.briefTitle}</h1>
          <p className="muted">
            <span className="tag">{t(`kind.${run.kind}`)}</span> {t('run.author', { email: run.authorEmail })} ·{' '}
            {t('run.updated', { date: formatDateTime(run.updatedAt, lang) })}
            {run.policyVersion && (
              <>
                {' · '}
                <Link to="/policy" data-testid="run-policy-version" data-version={run.policyVersion}>
                  {t('run.policyVersion', { version: run.policyVersion })}
                </Link>
              </>
            )}
          </p>
        </div>
        <div className="run-status">
          <span className="muted small">{t('run.status')}</span>
          <StatusBadge kind="run" status={run.status} testId="run-status" />
        </div>
      </div>

      {run.status === 'failed' && (
        <div className="state state-error" role="alert" data-testid="run-error">
          <strong>{t('run.failed')}</strong>
          {run.error && <p className="pre-wrap">{run.error}</p>}
        </div>
      )}
      {active && <RunProgress progress={run.progress} />}

      {pii > 0 && (
        <div className="state state-error" role="alert" data-testid="pii-warning">
          <strong>{t('run.piiTitle', { n: pii })}</strong>
          <p>{t('run.piiText')}</p>
        </div>
      )}

      <ApprovedExport run={run} />
      {run.draft ? <DraftView draft={run.draft} run={run} /> : !active && <p className="muted">{t('run.noDraft')}</p>}
      {/* An SEO plan is edited by moving keywords in its view; its text follows from the structure. */}
      {run.draft && run.kind !== 'seo_clusters' && <EditDraftPanel run={run} draft={run.draft} />}

      {/*
        The review, in the order it is done: the draft above, its claims (the fact check passes on
        them), the decision, the discussion of the draft's words. Below it, folded, what is looked up
        rather than read each time: the brief's own risks, the versions, the gates, the history.
      */}
      <ClaimsChecklist run={run} />

      {panels.map((p) => (
        <DecisionPanel
          key={p.gate.id}
          runId={run.id}
          gate={p.gate}
          canDecide={p.decide}
          canWaive={p.waive}
          passBlocked={passBlocked(p.gate)}
          missing={missingAt(p.gate)}
          needsErid={run.paidAd && p.gate.gate === 'release'}
        />
      ))}

      {run.draft && <CommentsPanel run={run} />}
      {/* Beside the draft's findings: what the brief itself carries (readers of the work only). */}
      {run.briefRisks && <BriefRisks data={run.briefRisks} />}

      {run.drafts.length > 1 && (
        <Suspense fallback={<Loading />}>
          <DraftCompare run={run} />
        </Suspense>
      )}

      <Fold title={t('run.gates')} summary={<GatesLine run={run} />} testId="gates">
        {run.gates.length === 0 ? <p className="muted">{t('run.noGates')}</p> : <GatesTable run={run} />}
      </Fold>

      <Fold
        title={t('run.history')}
        summary={<span className="muted small">{t('run.historyCount', { n: run.drafts.length })}</span>}
        testId="history"
      >
        <DraftHistory drafts={run.drafts} current={run.draft?.version} />
      </Fold>
      <DecisionBar gates={panels.map((p) => p.gate)} />
    </section>
  )
}
