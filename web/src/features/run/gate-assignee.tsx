import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Gate, Run } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { useCurrentUser } from '../auth/current-user'
import { ClaimButton } from './claim-button'
import { canAssign, canClaim, isAssignedToMe } from './permissions'
import { assigneesQuery, useAssignGate } from './queries'

/**
 * Who has a review, and the hand-around for whoever may: claim it, release it, or hand it to a
 * colleague of its role (the list of colleagues loads only when the hand-over opens).
 */
export function GateAssignee({ run, gate }: { run: Run; gate: Gate }) {
  const { t } = useI18n()
  const me = useCurrentUser()
  const assign = useAssignGate(run.id)
  const [handing, setHanding] = useState(false)
  const may = canAssign(run, gate, me)

  return (
    <div className="gate-assignee" data-testid="gate-assignee" data-assignee={gate.assignee ?? ''}>
      <span>{gate.assignee ?? t('gate.unassigned')}</span>
      {gate.ownerNamed && <span className="muted small"> ({t('gate.ownerNamed')})</span>}
      {may && (
        <span className="gate-assignee-actions">
          {canClaim(run, gate, me) && <ClaimButton runId={run.id} gateId={gate.id} testId="gate-claim" />}
          {isAssignedToMe(gate, me) && (
            <button
              type="button"
              className="button button-small"
              data-testid="gate-release"
              disabled={assign.isPending}
              onClick={() => assign.mutate({ gateId: gate.id, email: null })}
            >
              {t('gate.unclaim')}
            </button>
          )}
          {!handing && (
            <button type="button" className="button button-small" data-testid="gate-hand-over" onClick={() => setHanding(true)}>
              {t('gate.handOver')}
            </button>
          )}
        </span>
      )}
      {handing && (
        <HandOver
          gate={gate}
          busy={assign.isPending}
          onCancel={() => setHanding(false)}
          onPick={(email) => assign.mutate({ gateId: gate.id, email }, { onSuccess: () => setHanding(false) })}
        />
      )}
      {assign.isError && (
        <p className="form-error small" role="alert" data-testid="gate-assign-error">
          {errorText(assign.error, t)}
        </p>
      )}
    </div>
  )
}

function HandOver({
  gate,
  busy,
  onPick,
  onCancel,
}: {
  gate: Gate
  busy: boolean
  onPick: (email: string | null) => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  const people = useQuery(assigneesQuery(gate.id))
  const [email, setEmail] = useState('')
  return (
    <span className="hand-over">
      <select
        aria-label={t('gate.handOverTo')}
        data-testid="gate-hand-over-to"
        value={email}
        disabled={!people.isSuccess || busy}
        onChange={(e) => setEmail(e.target.value)}
      >
        <option value="">{people.isPending ? t('common.loading') : t('gate.nobody')}</option>
        {people.data?.map((p) => (
          <option key={p.email} value={p.email}>
            {p.name} ({p.email})
          </option>
        ))}
      </select>
      {people.isError && (
        <span className="form-error small" role="alert">
          {errorText(people.error, t)}
        </span>
      )}
      <button
        type="button"
        className="button button-small"
        data-testid="gate-hand-over-save"
        disabled={busy}
        onClick={() => onPick(email || null)}
      >
        {t('gate.handOverSave')}
      </button>
      <button type="button" className="button button-small" onClick={onCancel}>
        {t('gate.cancel')}
      </button>
    </span>
  )
}
