import { useMemo, useState } from 'react'
import type { UsageSummary } from '../../../../contracts/usage'
import { useI18n } from '../../i18n'
import { BreakdownChart, type Metric } from './breakdown-chart'
import { breakdownRows, DIMENSIONS, type Dimension } from './breakdown-rows'
import { BreakdownTable } from './breakdown-table'
import type { DashboardFilter } from './filter'

const METRICS: readonly Metric[] = ['costUsd', 'calls']

/** Who and what the period's AI calls went to: by user, team, kind, model or prompt version. */
export function BreakdownSection({ summary, filter }: { summary: UsageSummary; filter: DashboardFilter }) {
  const { t } = useI18n()
  const [dimension, setDimension] = useState<Dimension>('user')
  // with only the offline engine every cost is 0: calls are the measure that says something
  const [metric, setMetric] = useState<Metric>(summary.totals.costUsd > 0 ? 'costUsd' : 'calls')
  const rows = useMemo(() => breakdownRows(summary, dimension, t), [summary, dimension, t])

  return (
    <>
      <div className="dash-toggles">
        {/* biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons, not a form section (a fieldset brings its own box and legend) */}
        <div className="segmented" role="group" aria-label={t('dash.breakdownBy')}>
          {DIMENSIONS.map((d) => (
            <button
              key={d}
              type="button"
              className="segment"
              aria-pressed={d === dimension}
              data-testid={`breakdown-dim-${d}`}
              onClick={() => setDimension(d)}
            >
              {t(`dash.dim.${d}`)}
            </button>
          ))}
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons, not a form section (a fieldset brings its own box and legend) */}
        <div className="segmented" role="group" aria-label={t('dash.measure')}>
          {METRICS.map((m) => (
            <button
              key={m}
              type="button"
              className="segment"
              aria-pressed={m === metric}
              data-testid={`breakdown-metric-${m}`}
              onClick={() => setMetric(m)}
            >
              {m === 'costUsd' ? t('dash.series.cost') : t('dash.series.calls')}
            </button>
          ))}
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('dash.noRows')}</p>
      ) : (
        <>
          <BreakdownChart rows={rows} metric={metric} />
          <BreakdownTable rows={rows} dimension={dimension} filter={filter} />
        </>
      )}
    </>
  )
}
