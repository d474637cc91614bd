import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { Thread, type ThreadStart } from '../../../../../contracts/comments'
import { fetchJson } from '../../../lib/fetch-json'

export const threadsQuery = (runId: string) =>
  queryOptions({
    queryKey: ['runs', runId, 'threads'],
    queryFn: ({ signal }) => fetchJson(`/api/runs/${encodeURIComponent(runId)}/threads`, z.array(Thread), { signal }),
    // a colleague's answer shows up without a reload
    refetchInterval: 20_000,
    retry: false,
  })

function useThreadMutation<V>(runId: string, call: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: threadsQuery(runId).queryKey }),
  })
}

export const useStartThread = (runId: string) =>
  useThreadMutation(runId, (body: ThreadStart) =>
    fetchJson(`/api/runs/${encodeURIComponent(runId)}/threads`, Thread, { method: 'POST', body }),
  )

export const useReply = (runId: string) =>
  useThreadMutation(runId, ({ threadId, body }: { threadId: string; body: string }) =>
    fetchJson(`/api/threads/${encodeURIComponent(threadId)}/comments`, Thread, { method: 'POST', body: { body } }),
  )

export const useThreadStatus = (runId: string) =>
  useThreadMutation(runId, ({ threadId, status }: { threadId: string; status: 'resolve' | 'reopen' }) =>
    fetchJson(`/api/threads/${encodeURIComponent(threadId)}/${status}`, Thread, { method: 'POST' }),
  )
