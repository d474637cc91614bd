import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Created, type CreateBrief } from '../../../../contracts/briefs'
import { fetchJson } from '../../lib/fetch-json'
import { BRIEFS_KEY } from '../briefs/queries'

export { useCreateRun } from '../brief/queries'

export function useCreateBrief() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateBrief) => fetchJson('/api/briefs', Created, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BRIEFS_KEY }),
  })
}
