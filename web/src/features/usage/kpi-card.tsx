import type { ReactNode } from 'react'

export type KpiTone = 'neutral' | 'good' | 'warn' | 'bad'

type Props = {
  /** Names the card for tests: `kpi-<id>`. */
  id: string
  label: string
  /** Formatted for reading; null while its view loads. */
  value: string | null
  /** The number behind `value`, on `data-value` (empty when there is none). */
  raw?: number | null
  sub?: ReactNode
  tone?: KpiTone
}

/** One headline number of a usage screen, with the line that puts it in context. */
export function KpiCard({ id, label, value, raw, sub, tone = 'neutral' }: Props) {
  return (
    <div className={`kpi kpi-${tone}`} data-testid={`kpi-${id}`} data-value={raw ?? ''} data-tone={tone} aria-busy={value === null}>
      <span className="kpi-label">{label}</span>
      <strong className="kpi-value">{value ?? '…'}</strong>
      {sub && <span className="kpi-sub">{sub}</span>}
    </div>
  )
}
