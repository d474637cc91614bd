import type { UsageRow } from '../../../../contracts/usage'
import { useI18n } from '../../i18n'
import { formatCount, formatUsd } from '../../lib/format-number'

/** A short breakdown of one's own calls (by kind, by model): name, calls, failed, cost. */
export function OwnUsageTable({
  title,
  rows,
  name,
  testId,
}: {
  title: string
  rows: readonly UsageRow[]
  name: (r: UsageRow) => string
  testId: string
}) {
  const { t, lang } = useI18n()
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col" className="num">
              {t('dash.col.calls')}
            </th>
            <th scope="col" className="num">
              {t('dash.col.failed')}
            </th>
            <th scope="col" className="num">
              {t('dash.col.cost')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid={`${testId}-row`} data-key={r.key} data-calls={r.calls}>
              <td>{name(r)}</td>
              <td className="num">{formatCount(r.calls, lang)}</td>
              <td className="num">{formatCount(r.failed, lang)}</td>
              <td className="num">{formatUsd(r.costUsd, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
