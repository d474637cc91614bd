import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { BriefKind } from '../../../../contracts/briefs'
import { navigate, useLocation } from '../../lib/router'
import type { FormValues } from './form-model'
import { valuesFromBrief } from './from-result'
import { reusedBriefQuery } from './queries'

/**
 * `/briefs/new?from=RUNID`: loads that result's brief into the form once, then drops `from` from
 * the URL, so a reload keeps what the writer has typed since (the form is saved as usual).
 */
export function useBriefFromResult(apply: (kind: BriefKind, values: FormValues) => void) {
  const from = useLocation().search.get('from')
  const query = useQuery({ ...reusedBriefQuery(from ?? ''), enabled: from !== null })
  const [loadedFrom, setLoadedFrom] = useState<string | null>(null)
  const applied = useRef<string | null>(null)

  useEffect(() => {
    if (from === null || !query.data || applied.current === from) return
    applied.current = from
    apply(query.data.kind, valuesFromBrief(query.data))
    setLoadedFrom(from)
    navigate('/briefs/new', { replace: true })
  }, [from, query.data, apply])

  return { loading: from !== null && query.isPending, error: from !== null && query.isError ? query.error : null, loadedFrom }
}

export type BriefFromResult = ReturnType<typeof useBriefFromResult>
