import { useMemo, useState } from 'react'

export type Sort<K extends string> = { key: K; desc: boolean }
export type SortValue = string | number | null

/**
 * Rows in the order a table header asks for. Numbers compare as numbers, text by the UI
 * language; empty values go last either way.
 */
export function useSorted<T, K extends string>(
  rows: readonly T[],
  initial: Sort<K>,
  valueFor: (row: T, key: K) => SortValue,
  lang: string,
) {
  const [sort, setSort] = useState<Sort<K>>(initial)
  const sorted = useMemo(() => {
    const cmp = (a: T, b: T) => {
      const x = valueFor(a, sort.key)
      const y = valueFor(b, sort.key)
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), lang)
      return sort.desc ? -order : order
    }
    return [...rows].sort(cmp)
  }, [rows, sort, valueFor, lang])
  return { sorted, sort, setSort }
}
