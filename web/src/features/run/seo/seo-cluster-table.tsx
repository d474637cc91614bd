import { Fragment, useId, useMemo, useState } from 'react'
import type { SeoDraft } from '../../../../../contracts/drafts'
import { useI18n } from '../../../i18n'
import { SeoClusterDetail } from './seo-cluster-detail'
import type { Target } from './seo-keyword-list'
import { entriesOf, totalFrequency, type Layout, type Moves, type Place } from './seo-moves'

type SortKey = 'frequency' | 'keywords' | 'label'
type Sort = { key: SortKey; desc: boolean }
type Row = {
  index: number
  label: string
  pillar: string
  intent: SeoDraft['clusters'][number]['intent']
  keywords: number
  frequency: number
  touched: boolean
}

/** Rows shown before "show all": a 10,000-keyword export makes a thousand clusters and more. */
const SHOWN_ROWS = 200

/** Case and ё do not matter when looking a keyword up. */
const fold = (s: string) => s.toLocaleLowerCase().replace(/ё/g, 'е')

function compare(sort: Sort, lang: string) {
  const byLabel = (a: Row, b: Row) => a.label.localeCompare(b.label, lang)
  const primary = (a: Row, b: Row) => (sort.key === 'label' ? byLabel(a, b) : a[sort.key] - b[sort.key])
  return (a: Row, b: Row) => (sort.desc ? -primary(a, b) : primary(a, b)) || b.frequency - a.frequency || byLabel(a, b)
}

function SortHeader({
  id,
  label,
  sort,
  onSort,
  numeric,
}: {
  id: SortKey
  label: string
  sort: Sort
  onSort: (s: Sort) => void
  numeric?: boolean
}) {
  const { t } = useI18n()
  const active = sort.key === id
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        data-testid={`seo-sort-${id}`}
        data-active={active}
        title={t('seo.sortBy', { col: label })}
        // Numbers start with the largest, labels from A; a second click turns the order round.
        onClick={() => onSort({ key: id, desc: active ? !sort.desc : id !== 'label' })}
      >
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}
        </span>
      </button>
    </th>
  )
}

type Props = {
  draft: SeoDraft
  moves: Moves
  layout: Layout
  targets: readonly Target[] | null
  labelOf: (place: Place) => string
  onMove: (keyword: string, to: Place) => void
}

/** The clusters, largest demand first; a row opens into its content plan and keywords. */
export function SeoClusterTable({ draft, moves, layout, targets, labelOf, onMove }: Props) {
  const { t, lang } = useI18n()
  const filterId = useId()
  const [sort, setSort] = useState<Sort>({ key: 'frequency', desc: true })
  const [query, setQuery] = useState('')
  const [all, setAll] = useState(false)
  const [open, setOpen] = useState<number | null>(null)

  const rows = useMemo(() => {
    const q = fold(query.trim())
    const list: Row[] = []
    draft.clusters.forEach((c, index) => {
      const members = layout.members[index] ?? []
      if (q && !fold(c.label).includes(q) && !members.some((k) => fold(k).includes(q))) return
      list.push({
        index,
        label: c.label,
        pillar: c.pillar,
        intent: c.intent,
        keywords: members.length,
        frequency: totalFrequency(draft, members),
        touched: layout.touched.has(index),
      })
    })
    return list.sort(compare(sort, lang))
  }, [draft, layout, query, sort, lang])

  const shown = all ? rows : rows.slice(0, SHOWN_ROWS)

  return (
    <div className="seo-clusters">
      <div className="seo-filter">
        <label htmlFor={filterId} className="visually-hidden">
          {t('seo.filter')}
        </label>
        <input
          id={filterId}
          type="search"
          data-testid="seo-filter"
          placeholder={t('seo.filter')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {query.trim() && (
          <span className="muted small" data-testid="seo-filter-count">
            {t('seo.filterCount', { n: rows.length, total: draft.clusters.length })}
          </span>
        )}
      </div>
      <div className="table-wrap">
        <table className="table seo-cluster-table">
          <thead>
            <tr>
              <SortHeader id="label" label={t('seo.col.cluster')} sort={sort} onSort={setSort} />
              <th scope="col">{t('seo.col.intent')}</th>
              <SortHeader id="keywords" label={t('seo.col.keywords')} sort={sort} onSort={setSort} numeric />
              <SortHeader id="frequency" label={t('seo.col.frequency')} sort={sort} onSort={setSort} numeric />
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const expanded = open === r.index
              const detailId = `${filterId}-cluster-${r.index}`
              return (
                <Fragment key={r.index}>
                  <tr
                    className={`clickable${expanded ? ' is-open' : ''}${r.keywords === 0 ? ' dimmed' : ''}`}
                    data-testid="seo-cluster-row"
                    data-label={r.label}
                    data-frequency={r.frequency}
                    data-keywords={r.keywords}
                    data-changed={r.touched || undefined}
                    onClick={() => setOpen(expanded ? null : r.index)}
                  >
                    <td>
                      <button
                        type="button"
                        className="link-button seo-cluster-label"
                        aria-expanded={expanded}
                        aria-controls={expanded ? detailId : undefined}
                      >
                        {r.label}
                      </button>
                      {r.label !== r.pillar && <span className="muted small seo-cluster-pillar">{r.pillar}</span>}
                      {r.touched && (
                        <span className="tag seo-move-tag">{r.keywords === 0 ? t('seo.clusterEmptied') : t('seo.changed')}</span>
                      )}
                    </td>
                    <td>
                      <span className={`tag seo-intent-${r.intent}`}>{t(`seo.intent.${r.intent}`)}</span>
                    </td>
                    <td className="num">{r.keywords.toLocaleString(lang)}</td>
                    <td className="num">{r.frequency.toLocaleString(lang)}</td>
                  </tr>
                  {expanded && (
                    <tr className="seo-detail-row" id={detailId}>
                      <td colSpan={4}>
                        <SeoClusterDetail
                          draft={draft}
                          index={r.index}
                          entries={entriesOf(draft.clusters[r.index]?.keywords ?? [], r.index, moves, layout)}
                          stale={r.touched}
                          targets={targets}
                          labelOf={labelOf}
                          onMove={onMove}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              )
            })}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="muted">{t(query.trim() ? 'seo.filterNone' : 'seo.noClusters')}</p>}
      {rows.length > shown.length && (
        <button type="button" className="button button-small seo-show-all" onClick={() => setAll(true)}>
          {t('seo.showAll', { n: rows.length })}
        </button>
      )}
    </div>
  )
}
