import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { RiskCheckRequest } from '../../../../contracts/briefs'
import { riskCheckQuery } from './queries'
import { useSettled } from './use-settled'

/** Never sent: the query is off while there is no body. */
const NO_BODY: RiskCheckRequest = { kind: 'offer', channel: '', fields: {} }

/**
 * The brief's risk check, asked half a second after typing stops. The last answer stays on
 * screen while the next one is on its way; a failed check only says so (it never blocks submit).
 */
export function useRiskCheck(body: RiskCheckRequest | null) {
  const settled = useSettled(body)
  const query = useQuery({ ...riskCheckQuery(settled ?? NO_BODY), enabled: settled !== null, placeholderData: keepPreviousData })
  const typing = JSON.stringify(settled) !== JSON.stringify(body)
  return {
    data: body === null ? undefined : query.data,
    noChannel: body === null,
    checking: body !== null && (typing || query.isFetching),
    error: body === null || !query.isError ? null : query.error,
    retry: () => void query.refetch(),
  }
}

export type RiskCheck = ReturnType<typeof useRiskCheck>
