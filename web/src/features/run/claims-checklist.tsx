import { useState } from 'react'
import type { Run } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { roleLabel } from '../../lib/labels'
import { useCurrentUser } from '../auth/current-user'
import { BulkVerify } from './bulk-verify'
import { ClaimRow } from './claim-row'
import { Fold } from './fold'
import { claimLock, factCheckGate } from './permissions'

/** The checkable claims of the current draft: each needs a source before fact_check can pass. */
export function ClaimsChecklist({ run }: { run: Run }) {
  const { t } = useI18n()
  const me = useCurrentUser()
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const version = run.draft?.version
  if (version === undefined) return null
  const claims = run.claims.filter((c) => c.draftVersion === version)
  const gate = factCheckGate(run, version)
  if (claims.length === 0 && !gate) return null

  const lock = claimLock(run, me, version)
  const verified = claims.filter((c) => c.status === 'verified').length
  const rejected = claims.filter((c) => c.status === 'rejected').length
  const showControls = gate?.status === 'open'
  // One source for several claims: offered to the person who may check, for the claims still pending.
  const pendingIds = claims.filter((c) => c.status === 'pending').map((c) => c.id)
  const bulk = showControls && lock === null && pendingIds.length > 1
  const pick = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  return (
    // Open for the person who checks them now; everyone else reads the progress on the folded line.
    <Fold
      title={t('claims.title')}
      summary={
        <span
          className={verified === claims.length ? 'badge badge-passed' : 'badge badge-open'}
          data-testid="claims-progress"
          data-verified={verified}
          data-total={claims.length}
        >
          {t('claims.progress', { done: verified, total: claims.length })}
          {rejected > 0 && <> · {t('claims.rejectedCount', { n: rejected })}</>}
        </span>
      }
      open={showControls && lock === null}
      className="claims"
      testId="claims"
    >
      <p className="muted small">{t('claims.intro')}</p>
      {showControls && lock && (
        <p className="muted small" data-testid="claims-locked">
          {t(`claims.lock.${lock}`, { who: gate?.assignee ?? roleLabel(gate?.role ?? 'factcheck', t) })}
        </p>
      )}
      {claims.length === 0 ? (
        <p className="muted">{t('claims.none')}</p>
      ) : (
        <>
          {bulk && <BulkVerify runId={run.id} pendingIds={pendingIds} selected={selected} onSelected={setSelected} />}
          <ol className="claim-list">
            {claims.map((c) => (
              <ClaimRow
                key={c.id}
                runId={run.id}
                claim={c}
                showControls={showControls}
                enabled={lock === null}
                {...(bulk && c.status === 'pending' ? { selected: selected.has(c.id), onSelect: (on: boolean) => pick(c.id, on) } : {})}
              />
            ))}
          </ol>
        </>
      )}
    </Fold>
  )
}
