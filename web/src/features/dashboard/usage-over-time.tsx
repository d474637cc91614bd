import { useMemo } from 'react'
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { UsageSummary } from '../../../../contracts/usage'
import { useI18n } from '../../i18n'
import { compactCount, formatCount, formatUsd } from '../../lib/format-number'
import { formatBucket } from '../../lib/format-period'
import { fillSeries } from './period'

const ACCENT = '#1f4fd1'
const COST = '#b26b00'

/** Calls (bars) and their cost (line) by day, or by month over longer periods, as the API buckets them. */
export function UsageOverTime({ summary }: { summary: UsageSummary }) {
  const { t, lang } = useI18n()
  const points = useMemo(() => fillSeries(summary), [summary])
  const data = points.map((p) => ({ ...p, label: formatBucket(p.bucket, lang) }))
  const calls = t('dash.series.calls')
  const cost = t('dash.series.cost')

  return (
    <>
      <div className="chart" data-testid="usage-series-chart" data-points={points.length}>
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e6e9ef" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={12} />
            <YAxis
              yAxisId="calls"
              allowDecimals={false}
              tick={{ fontSize: 12 }}
              width={56}
              tickFormatter={(v: number) => compactCount(v, lang)}
            />
            <YAxis
              yAxisId="cost"
              orientation="right"
              tick={{ fontSize: 12 }}
              width={64}
              tickFormatter={(v: number) => formatUsd(v, lang)}
            />
            <Tooltip formatter={(value, name) => (name === cost ? formatUsd(Number(value), lang) : formatCount(Number(value), lang))} />
            <Bar yAxisId="calls" dataKey="calls" name={calls} fill={ACCENT} radius={[3, 3, 0, 0]} isAnimationActive={false} />
            <Line yAxisId="cost" dataKey="costUsd" name={cost} stroke={COST} strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
        {/* our own legend: recharts labels its icons in English ("… legend icon") */}
        <ul className="chart-legend small">
          <li>
            <span className="chart-swatch" style={{ background: ACCENT }} /> {calls}
          </li>
          <li>
            <span className="chart-swatch chart-swatch-line" style={{ background: COST }} /> {cost}
          </li>
        </ul>
      </div>
      <details className="chart-data">
        <summary>{t('dash.series.asTable')}</summary>
        <div className="table-wrap">
          <table className="table" data-testid="usage-series-table">
            <thead>
              <tr>
                <th scope="col">{summary.period.bucket === 'day' ? t('dash.series.day') : t('dash.series.month')}</th>
                <th scope="col" className="num">
                  {calls}
                </th>
                <th scope="col" className="num">
                  {t('dash.series.offline')}
                </th>
                <th scope="col" className="num">
                  {cost}
                </th>
              </tr>
            </thead>
            <tbody>
              {points
                .filter((p) => p.calls > 0)
                .map((p) => (
                  <tr key={p.bucket} data-testid="usage-series-row" data-bucket={p.bucket} data-calls={p.calls}>
                    <td>{formatBucket(p.bucket, lang)}</td>
                    <td className="num">{formatCount(p.calls, lang)}</td>
                    <td className="num">{formatCount(p.offlineCalls, lang)}</td>
                    <td className="num">{formatUsd(p.costUsd, lang)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  )
}
