import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { fetchJson } from '../../lib/fetch-json'

/** GET/PUT /api/me/notifications (server/notify/routes.ts). */
export const NotificationSettings = z.object({ email: z.enum(['immediate', 'off']), lang: z.enum(['ru', 'en']), emailOn: z.boolean() })
export type NotificationSettings = z.infer<typeof NotificationSettings>

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
