import { useCallback } from 'react'
import type { GateView } from '../../../../contracts/usage'
import { useI18n } from '../../i18n'
import { formatCount, formatHours } from '../../lib/format-number'
import { gateLabel } from '../../lib/labels'
import { SortHeader } from './sort-header'
import { useSorted, type SortValue } from './use-sort'

type Gate = GateView['gates'][number]
type Col = 'gate' | 'decided' | 'meanHours' | 'p50Hours' | 'p90Hours' | 'open' | 'overdue'
const NUMERIC: readonly Col[] = ['decided', 'meanHours', 'p50Hours', 'p90Hours', 'open', 'overdue']

/** How long each gate kept drafts waiting (decided in the period), and how many wait now. */
export function GatesTable({ gates }: { gates: readonly Gate[] }) {
  const { t, lang } = useI18n()
  const valueFor = useCallback((g: Gate, key: Col): SortValue => (key === 'gate' ? gateLabel(g.gate, t) : g[key]), [t])
  const { sorted, sort, setSort } = useSorted<Gate, Col>(gates, { key: 'overdue', desc: true }, valueFor, lang)
  const header = (id: Col, label: string) => (
    <SortHeader key={id} id={id} label={label} sort={sort} onSort={setSort} numeric={NUMERIC.includes(id)} table="gates" />
  )

  return (
    <div className="table-wrap">
      <table className="table" data-testid="gates-table">
        <thead>
          <tr>
            {header('gate', t('dash.gates.gate'))}
            {header('decided', t('dash.gates.decided'))}
            {header('meanHours', t('dash.gates.mean'))}
            {header('p50Hours', t('dash.gates.p50'))}
            {header('p90Hours', t('dash.gates.p90'))}
            {header('open', t('dash.gates.open'))}
            {header('overdue', t('dash.gates.overdue'))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((g) => (
            <tr
              key={g.gate}
              data-testid="gates-row"
              data-gate={g.gate}
              data-decided={g.decided}
              data-open={g.open}
              data-overdue={g.overdue}
            >
              <td>{gateLabel(g.gate, t)}</td>
              <td className="num">{formatCount(g.decided, lang)}</td>
              <td className="num">{formatHours(g.meanHours, lang)}</td>
              <td className="num">{formatHours(g.p50Hours, lang)}</td>
              <td className="num">{formatHours(g.p90Hours, lang)}</td>
              <td className="num">{formatCount(g.open, lang)}</td>
              <td className={g.overdue > 0 ? 'num overdue' : 'num'}>{formatCount(g.overdue, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
