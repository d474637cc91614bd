import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useEffect } from 'react'
import { ErrorState, Loading } from './components/states'
import { CurrentUserProvider } from './features/auth/current-user'
import { LoginPage } from './features/auth/login-page'
import { meQuery } from './features/auth/queries'
import { BriefPage } from './features/brief/brief-page'
import { BriefsPage } from './features/briefs/briefs-page'
import { Header } from './features/layout/header'
import { ReviewsPage } from './features/reviews/reviews-page'
import { RunPage } from './features/run/run-page'
import { useI18n } from './i18n'
import { Link, matchPath, navigate, useLocation } from './lib/router'
import { homeOf } from './lib/home'

// Pages a visit often never opens load on demand: the main bundle stays under vite's 500 kB warning.
const NewBriefPage = lazy(() => import('./features/new-brief/new-brief-page').then((m) => ({ default: m.NewBriefPage })))
const PolicyPage = lazy(() => import('./features/policy/policy-page').then((m) => ({ default: m.PolicyPage })))
// The dashboard alone brings the chart library (recharts): it must stay out of the main bundle.
const DashboardPage = lazy(() => import('./features/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })))
const MyUsagePage = lazy(() => import('./features/usage/my-usage-page').then((m) => ({ default: m.MyUsagePage })))
const OutboxPage = lazy(() => import('./features/outbox/outbox-page').then((m) => ({ default: m.OutboxPage })))
const SettingsPage = lazy(() => import('./features/settings/settings-page').then((m) => ({ default: m.SettingsPage })))
const KbSearchPage = lazy(() => import('./features/kb/kb-search-page').then((m) => ({ default: m.KbSearchPage })))
const ResultRecordPage = lazy(() => import('./features/kb/result-record-page').then((m) => ({ default: m.ResultRecordPage })))
const PromptsPage = lazy(() => import('./features/kb/prompts-page').then((m) => ({ default: m.PromptsPage })))
const PromptVersionPage = lazy(() => import('./features/kb/prompt-version-page').then((m) => ({ default: m.PromptVersionPage })))
const PromptComparePage = lazy(() => import('./features/kb/prompt-compare-page').then((m) => ({ default: m.PromptComparePage })))

function NotFound() {
  const { t } = useI18n()
  return (
    <section className="state state-empty">
      <p>{t('common.notFoundPage')}</p>
      <Link to="/">{t('common.toHome')}</Link>
    </section>
  )
}

/** The knowledge base: the results archive and the prompt library. */
function KbRoutes({ pathname, search }: { pathname: string; search: URLSearchParams }) {
  if (pathname === '/kb') return <KbSearchPage />
  if (pathname === '/kb/prompts') return <PromptsPage />
  const result = matchPath('/kb/results/:runId', pathname)
  if (result?.runId) return <ResultRecordPage key={result.runId} runId={result.runId} />
  // before :version, which "compare" would match too
  const compare = matchPath('/kb/prompts/:id/:lang/compare', pathname)
  if (compare?.id && compare.lang) return <PromptComparePage id={compare.id} lang={compare.lang} a={search.get('a')} b={search.get('b')} />
  const version = matchPath('/kb/prompts/:id/:lang/:version', pathname)
  if (version?.id && version.lang && version.version) {
    return <PromptVersionPage key={pathname} id={version.id} lang={version.lang} version={version.version} />
  }
  return <NotFound />
}

function Routes() {
  const { pathname, search } = useLocation()
  if (pathname === '/' || pathname === '/briefs') return <BriefsPage />
  if (pathname === '/briefs/new') return <NewBriefPage />
  if (pathname === '/reviews') return <ReviewsPage />
  if (pathname === '/policy') return <PolicyPage />
  if (pathname === '/dashboard') return <DashboardPage />
  if (pathname === '/usage') return <MyUsagePage />
  if (pathname === '/settings') return <SettingsPage />
  if (pathname === '/outbox') return <OutboxPage />
  if (pathname === '/kb' || pathname.startsWith('/kb/')) return <KbRoutes pathname={pathname} search={search} />
  const brief = matchPath('/briefs/:id', pathname)
  if (brief?.id) return <BriefPage key={brief.id} id={brief.id} />
  const run = matchPath('/runs/:id', pathname)
  if (run?.id) return <RunPage key={run.id} id={run.id} />
  return <NotFound />
}

export function App() {
  const me = useQuery(meQuery())
  const { pathname } = useLocation()

  // There is no login route to stay on once signed in, and "/" is wherever one's work is.
  useEffect(() => {
    if (me.data && (pathname === '/login' || pathname === '/')) navigate(homeOf(me.data), { replace: true })
  }, [me.data, pathname])

  if (me.isPending) {
    return (
      <main className="container">
        <Loading />
      </main>
    )
  }
  if (me.isError) {
    return (
      <main className="container">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </main>
    )
  }
  // Signed out: the login screen stands in for whatever page was asked for, which opens after login.
  if (!me.data) return <LoginPage />

  return (
    <CurrentUserProvider me={me.data}>
      <Header />
      <main className="container">
        <Suspense fallback={<Loading />}>
          <Routes />
        </Suspense>
      </main>
    </CurrentUserProvider>
  )
}
