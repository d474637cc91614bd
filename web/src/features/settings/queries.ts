import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { NotificationSettings, type NotificationSettingsInput } from '../../../../contracts/notifications'
import { fetchJson } from '../../lib/fetch-json'

export const notificationSettingsQuery = () =>
  queryOptions({
    queryKey: ['me', 'notifications'],
    queryFn: ({ signal }) => fetchJson('/api/me/notifications', NotificationSettings, { signal }),
  })

/** Saves a change; the screen shows it at once and goes back to what was saved if the server refuses. */
export function useSaveNotificationSettings() {
  const queryClient = useQueryClient()
  const key = notificationSettingsQuery().queryKey
  return useMutation({
    mutationFn: (body: z.infer<typeof NotificationSettingsInput>) =>
      fetchJson('/api/me/notifications', NotificationSettings, { method: 'PUT', body }),
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: key })
      const before = queryClient.getQueryData(key)
      if (before) queryClient.setQueryData(key, { ...before, ...change })
      return { before }
    },
    onError: (_err, _change, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before)
    },
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  })
}
