import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { Me, type LoginRequest } from '../../../../contracts/auth'
import { fetchJson, isApiError } from '../../lib/fetch-json'
import { clearSavedBriefForm } from '../new-brief/saved-form'

export const LOGIN_MUTATION_KEY = ['auth', 'login'] as const

/** The signed-in user, or null when the session is missing (401 is an answer here, not an error). */
export const meQuery = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: async ({ signal }) => {
      try {
        return await fetchJson('/api/me', Me, { signal })
      } catch (err) {
        if (isApiError(err) && err.status === 401) return null
        throw err
      }
    },
    staleTime: 5 * 60_000,
  })

/** Forget everything cached for the previous user, then set who is signed in now. */
export function setSignedIn(queryClient: QueryClient, me: Me | null) {
  queryClient.setQueryData(meQuery().queryKey, me)
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' })
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: LOGIN_MUTATION_KEY,
    mutationFn: (body: LoginRequest) => fetchJson('/api/auth/login', Me, { method: 'POST', body }),
    onSuccess: (me) => setSignedIn(queryClient, me),
  })
}

export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => fetchJson('/api/auth/logout', z.unknown(), { method: 'POST' }),
    // Leave the signed-in screens even if the server call failed: the user asked to go.
    onSettled: () => {
      clearSavedBriefForm()
      setSignedIn(queryClient, null)
    },
  })
}
