import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { PiiFinding } from './pii-model'
import { piiCheckQuery } from './queries'
import { useSettled } from './use-settled'

const NONE: readonly PiiFinding[] = []

/**
 * The personal-data check of the form's texts, asked half a second after typing stops. The last
 * answer stays on screen while the next one is on its way.
 */
export function usePiiCheck(fields: Record<string, string>) {
  const settled = useSettled(fields)
  const noText = Object.keys(fields).length === 0
  const query = useQuery({ ...piiCheckQuery(settled), enabled: Object.keys(settled).length > 0, placeholderData: keepPreviousData })
  const typing = JSON.stringify(settled) !== JSON.stringify(fields)
  const data = noText ? undefined : query.data
  const upToDate = !typing && query.isSuccess && !query.isPlaceholderData
  return {
    data,
    /** The findings in the texts as they are now; null while that answer is not in yet. */
    current: noText ? NONE : upToDate && data ? data.findings : null,
    noText,
    checking: !noText && (typing || query.isFetching),
    error: noText || !query.isError ? null : query.error,
    retry: () => void query.refetch(),
  }
}
