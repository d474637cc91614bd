import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { useAssignGate } from './queries'

/** Take a review nobody has yet: from the queue or from the run page. The server decides; its refusal shows here. */
export function ClaimButton({ runId, gateId, testId }: { runId: string; gateId: string; testId: string }) {
  const { t } = useI18n()
  const claim = useAssignGate(runId)
  return (
    <span className="claim-button">
      <button
        type="button"
        className="button button-small"
        data-testid={testId}
        disabled={claim.isPending}
        onClick={() => claim.mutate({ gateId })}
      >
        {t('gate.claim')}
      </button>
      {claim.isError && (
        <span className="form-error small" role="alert">
          {errorText(claim.error, t)}
        </span>
      )}
    </span>
  )
}
