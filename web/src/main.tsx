import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { LOGIN_MUTATION_KEY, setSignedIn } from './features/auth/queries'
import { I18nProvider } from './i18n'
import { isApiError } from './lib/fetch-json'
import './styles.css'
import './components.css'
import './review.css'

/** A 401 anywhere means the session is gone: show the login screen instead of a broken page. */
const onUnauthenticated = (err: unknown) => {
  if (isApiError(err) && err.status === 401) setSignedIn(queryClient, null)
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err, query) => {
      if (query.queryKey[0] !== 'me') onUnauthenticated(err)
    },
  }),
  mutationCache: new MutationCache({
    onError: (err, _vars, _ctx, mutation) => {
      // On the login form a 401 means "wrong password", not "session expired".
      const key = mutation.options.mutationKey
      if (key?.[0] === LOGIN_MUTATION_KEY[0] && key[1] === LOGIN_MUTATION_KEY[1]) return
      onUnauthenticated(err)
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // Client errors (4xx) will not fix themselves; retry only network trouble and 5xx.
      retry: (count, err) => count < 2 && !(isApiError(err) && err.status >= 400 && err.status < 500),
    },
  },
})

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
)
