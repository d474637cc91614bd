import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { NotificationSettings } from '../../../../contracts/notifications'
import { fetchJson } from '../../lib/fetch-json'

export const notificationSettingsQuery = () =>
  queryOptions({
    queryKey: ['me', 'notifications'],
    queryFn: ({ signal }) => fetchJson('/api/me/notifications', NotificationSettings, { signal }),
  })

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Pick<NotificationSettings, 'email' | 'lang'>) =>
      fetchJson('/api/me/notifications', NotificationSettings, { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(notificationSettingsQuery().queryKey, saved),
  })
}
