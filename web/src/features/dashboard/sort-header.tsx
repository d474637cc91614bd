import { useI18n } from '../../i18n'
import type { Sort } from './use-sort'

type Props<K extends string> = {
  id: K
  label: string
  sort: Sort<K>
  onSort: (s: Sort<K>) => void
  numeric?: boolean
  /** Names the table: `<table>-sort-<id>`. */
  table: string
}

/** A column header that sorts its table; numbers start with the largest, text from A. */
export function SortHeader<K extends string>({ id, label, sort, onSort, numeric, table }: Props<K>) {
  const { t } = useI18n()
  const active = sort.key === id
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        data-testid={`${table}-sort-${id}`}
        data-active={active}
        title={t('dash.sortBy', { col: label })}
        onClick={() => onSort({ key: id, desc: active ? !sort.desc : Boolean(numeric) })}
      >
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}
        </span>
      </button>
    </th>
  )
}
