import { useCallback } from 'react'
import { useI18n } from '../../i18n'
import { formatCount, formatUsd } from '../../lib/format-number'
import { Link } from '../../lib/router'
import type { BreakdownRow, Dimension } from './breakdown-rows'
import { filterHref, type DashboardFilter } from './filter'
import { SortHeader } from './sort-header'
import { useSorted, type SortValue } from './use-sort'

type Col = 'name' | 'calls' | 'failed' | 'tokensIn' | 'tokensOut' | 'costUsd'
const NUMERIC: readonly Col[] = ['calls', 'failed', 'tokensIn', 'tokensOut', 'costUsd']

type Props = { rows: readonly BreakdownRow[]; dimension: Dimension; filter: DashboardFilter }

/** Every row of a breakdown, sortable by any column; a user, team or kind links to the dashboard narrowed to it. */
export function BreakdownTable({ rows, dimension, filter }: Props) {
  const { t, lang } = useI18n()
  const valueFor = useCallback((r: BreakdownRow, key: Col): SortValue => r[key], [])
  const { sorted, sort, setSort } = useSorted<BreakdownRow, Col>(rows, { key: 'costUsd', desc: true }, valueFor, lang)
  const header = (id: Col, label: string) => (
    <SortHeader key={id} id={id} label={label} sort={sort} onSort={setSort} numeric={NUMERIC.includes(id)} table="breakdown" />
  )

  return (
    <div className="table-wrap">
      <table className="table" data-testid="breakdown-table" data-dimension={dimension}>
        <thead>
          <tr>
            {header('name', t(`dash.dim.${dimension}`))}
            {header('calls', t('dash.col.calls'))}
            {header('failed', t('dash.col.failed'))}
            {header('tokensIn', t('dash.col.tokensIn'))}
            {header('tokensOut', t('dash.col.tokensOut'))}
            {header('costUsd', t('dash.col.cost'))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.key} data-testid="breakdown-row" data-key={r.key} data-calls={r.calls} data-failed={r.failed} data-cost={r.costUsd}>
              <td>
                {r.filter ? (
                  <Link
                    to={filterHref({ ...filter, ...r.filter })}
                    title={t('dash.narrowTo', { name: r.name })}
                    data-testid="breakdown-narrow"
                  >
                    {r.name}
                  </Link>
                ) : (
                  r.name
                )}
                {r.detail && <span className="muted small"> · {r.detail}</span>}
              </td>
              <td className="num">{formatCount(r.calls, lang)}</td>
              <td className="num">{formatCount(r.failed, lang)}</td>
              <td className="num">{formatCount(r.tokensIn, lang)}</td>
              <td className="num">{formatCount(r.tokensOut, lang)}</td>
              <td className="num">{formatUsd(r.costUsd, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
