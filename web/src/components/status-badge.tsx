import { GateStatus, RunStatus } from '../../../contracts/runs'
import { useI18n } from '../i18n'

type Props = { kind: 'run' | 'gate'; status: string; testId?: string }

/** A coloured pill; `data-status` always carries the raw code so tests and styles need no translation. */
export function StatusBadge({ kind, status, testId }: Props) {
  const { t } = useI18n()
  let label = status
  if (kind === 'run') {
    const s = RunStatus.safeParse(status)
    if (s.success) label = t(`runStatus.${s.data}`)
  } else {
    const s = GateStatus.safeParse(status)
    if (s.success) label = t(`gateStatus.${s.data}`)
  }
  return (
    <span className={`badge badge-${status}`} data-status={status} data-testid={testId}>
      {label}
    </span>
  )
}
