import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useEffect, useState } from 'react'
import { useI18n } from '../../i18n'
import { Link, useLocation } from '../../lib/router'
import { useCurrentUser } from '../auth/current-user'
import { useLogout } from '../auth/queries'
import { reviewsQuery } from '../reviews/queries'
import { seesWholeLog } from '../usage/access'
import { LangSwitch } from './lang-switch'

function NavLink({ to, testId, active, children }: { to: string; testId: string; active: boolean; children: ReactNode }) {
  return (
    <Link to={to} data-testid={testId} className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  )
}

export function Header() {
  const { t } = useI18n()
  const me = useCurrentUser()
  const { pathname } = useLocation()
  const logout = useLogout()
  // The open-gate count stays fresh without a reload: reviewers work from this number.
  const reviews = useQuery({ ...reviewsQuery({ overdue: false, assigned: null, kind: null }), refetchInterval: 30_000 })
  const openCount = reviews.data?.length

  const isBriefs = pathname === '/' || (pathname.startsWith('/briefs') && pathname !== '/briefs/new')
  // On a phone the navigation folds behind a menu button; it closes again on every new page.
  const [menuOpen, setMenuOpen] = useState(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the page changing is what closes it
  useEffect(() => setMenuOpen(false), [pathname])

  return (
    <header className="app-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <button
          type="button"
          className="button button-small menu-button"
          data-testid="nav-menu"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          {t('nav.menu')}
        </button>
        <nav aria-label={t('nav.main')} id="main-nav" className={menuOpen ? 'nav nav-open' : 'nav'}>
          <NavLink to="/briefs" testId="nav-briefs" active={isBriefs}>
            {t('nav.briefs')}
          </NavLink>
          <NavLink to="/briefs/new" testId="nav-new-brief" active={pathname === '/briefs/new'}>
            {t('nav.newBrief')}
          </NavLink>
          <NavLink to="/reviews" testId="nav-reviews" active={pathname === '/reviews'}>
            {t('nav.reviews')}
            {openCount !== undefined && (
              <span className={openCount > 0 ? 'count' : 'count count-zero'} data-testid="nav-reviews-count">
                {openCount}
              </span>
            )}
          </NavLink>
          <NavLink to="/kb" testId="nav-kb" active={pathname === '/kb' || pathname.startsWith('/kb/')}>
            {t('nav.kb')}
          </NavLink>
          {/* The CMO and admins audit everyone's AI use; everyone else sees their own. */}
          {seesWholeLog(me.roles) ? (
            <NavLink to="/dashboard" testId="nav-dashboard" active={pathname === '/dashboard'}>
              {t('nav.dashboard')}
            </NavLink>
          ) : (
            <NavLink to="/usage" testId="nav-usage" active={pathname === '/usage'}>
              {t('nav.myUsage')}
            </NavLink>
          )}
          <NavLink to="/policy" testId="nav-policy" active={pathname === '/policy'}>
            {t('nav.policy')}
          </NavLink>
          {me.roles.includes('admin') && (
            <NavLink to="/outbox" testId="nav-outbox" active={pathname === '/outbox'}>
              {t('nav.outbox')}
            </NavLink>
          )}
        </nav>
        <div className="header-user">
          <Link to="/settings" className="user-email" data-testid="nav-settings" title={t('settings.title')}>
            {me.email}
          </Link>
          <span className="user-roles muted">{me.roles.map((r) => t(`role.${r}`)).join(', ')}</span>
          <LangSwitch />
          <button
            type="button"
            className="button button-small"
            data-testid="nav-logout"
            disabled={logout.isPending}
            onClick={() => logout.mutate()}
          >
            {t('nav.logout')}
          </button>
        </div>
      </div>
    </header>
  )
}
