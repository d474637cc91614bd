import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useI18n } from '../../i18n'
import { formatCount, formatUsd } from '../../lib/format-number'

export type Metric = 'costUsd' | 'calls'
export type ChartRow = { key: string; name: string; costUsd: number; calls: number }

/** The biggest rows shown; the table below has them all. */
const TOP = 10

/** One bar per user, team, kind, model or prompt version, longest first. */
export function BreakdownChart({ rows, metric }: { rows: readonly ChartRow[]; metric: Metric }) {
  const { t, lang } = useI18n()
  const data = [...rows].sort((a, b) => b[metric] - a[metric]).slice(0, TOP)
  const format = (v: number) => (metric === 'costUsd' ? formatUsd(v, lang) : formatCount(v, lang))
  const label = metric === 'costUsd' ? t('dash.series.cost') : t('dash.series.calls')
  return (
    <div className="chart" data-testid="breakdown-chart" data-bars={data.length}>
      <ResponsiveContainer width="100%" height={Math.max(120, 36 * data.length + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e6e9ef" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={format} allowDecimals={metric === 'costUsd'} />
          <YAxis type="category" dataKey="name" width={200} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(value) => format(Number(value))} />
          <Bar
            dataKey={metric}
            name={label}
            fill={metric === 'costUsd' ? '#b26b00' : '#1f4fd1'}
            radius={[0, 3, 3, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
